#ifndef OUTREACH_CZLIB_SHIM_H
#define OUTREACH_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2 and inflateInit2 are macros, which Swift cannot call: these wrap them.
// 31 = a 32 KiB window (15) + 16 for a gzip header and trailer instead of zlib's.
static inline int outreach_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
}

static inline int outreach_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 31);
}
#endif
