#pragma once
// How the process hands freed memory back to the system. Image work (an
// extraction allocates and frees a few dozen buffers of 0.3-5 MB) otherwise
// pays for it again and again: glibc serves blocks that large straight from
// the system and returns them when freed, or trims its heap once enough is
// free, and every page of the next buffer is then faulted in and cleared by
// the kernel. On the benchmark machine that was a third of an extraction's
// time (docs/matcher.md, section 4).
namespace ridgeline {

// Keep freed blocks of up to 32 MB in the heap, and up to 128 MB of free heap,
// for the next buffer. Called once at the start of each program that works
// on images (GUI, CLI, reference hub, benchmarks); the peak memory a
// program uses is unchanged, only no longer given back between images.
// Does nothing where the C library is not glibc.
void keepFreedMemoryForReuse();

}  // namespace ridgeline
