#ifndef OUTREACH_CQRENCODE_SHIM_H
#define OUTREACH_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
