/*
 * hash.h - fast non-cryptographic 64-bit hashing.
 *
 * sift_hash64 is a wyhash-style multiply-mix hash written for this project:
 * stable across platforms of the same endianness handling (it reads bytes
 * little-endian explicitly), so hashes written by one machine match another
 * machine's (required by sharded dedup).
 */
#ifndef SIFT_HASH_H
#define SIFT_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t sift_hash64(const void *p, size_t n, uint64_t seed);
/* Mix one 64-bit value (a good finalizer, also used to derive hash families). */
uint64_t sift_mix64(uint64_t x);

#endif
