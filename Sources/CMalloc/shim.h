// The C allocator's tuning call, mallopt(3), where the C library has one (glibc).
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
