#include <cmark.h>

/* Where the calling thread's parse arena is kept by the Markdown module: a
   thread-local variable, read in a few instructions, for the look-up that
   every cmark allocation makes (pthread_getspecific would be a call). */
static inline void **compendium_thread_arena(void) {
    static __thread void *arena;
    return &arena;
}
