#ifndef OUTREACH_CCMARK_SHIM_H
#define OUTREACH_CCMARK_SHIM_H
#include <cmark.h>
#endif
