#ifndef OUTREACH_CBROTLI_SHIM_H
#define OUTREACH_CBROTLI_SHIM_H
#include <brotli/encode.h>
#include <brotli/decode.h>
#endif
