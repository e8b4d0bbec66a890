#include "InjurySimCPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

int injurysim_avx512_usable(void) {
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & (1u << 27))) return 0; /* OSXSAVE: XGETBV is available */
    unsigned int xcr0Low = 0, xcr0High = 0;
    __asm__ volatile("xgetbv" : "=a"(xcr0Low), "=d"(xcr0High) : "c"(0));
    (void)xcr0High;
    const unsigned int zmmState = (1u << 1) | (1u << 2) | (1u << 5) | (1u << 6) | (1u << 7);
    if ((xcr0Low & zmmState) != zmmState) return 0;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    /* AVX512F 16, AVX512DQ 17, AVX512CD 28, AVX512BW 30, AVX512VL 31 */
    const unsigned int avx512 = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);
    return (ebx & avx512) == avx512;
}
#else
int injurysim_avx512_usable(void) { return 0; }
#endif
