#ifndef INJURYSIM_CPU_FEATURES_H
#define INJURYSIM_CPU_FEATURES_H

/// 1 where the processor reports AVX-512 F, CD, BW, DQ and VL (CPUID leaf 7) and the operating
/// system has enabled XSAVE (CPUID leaf 1, OSXSAVE) and saves the SSE, AVX, opmask and both
/// upper ZMM states (XCR0 bits 1, 2, 5, 6 and 7); 0 otherwise, and on other architectures.
int injurysim_avx512_usable(void);

#endif
