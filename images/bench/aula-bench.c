/*
 * aula-bench: the same work, in two places.
 *
 * Four workloads, each returning a 32-bit checksum that does not depend on where it ran:
 *   int    CRC-32 (bitwise, no table) over a generated buffer: integer ALU and branches.
 *   mem    copy a 1 MiB buffer back and forth and scan it: loads and stores.
 *   float  a Mandelbrot grid in double precision: the FPU, which v86 emulates in software.
 *   sys    a tight loop of umask(2), a cheap system call: every call enters the guest kernel.
 *
 * Built twice from this one file (images/build-bench.sh):
 *   - a static i386 Linux binary with no libc (int $0x80 system calls), put in the guest's
 *     initramfs as /bin/aula-bench and run natively on the build machine by `npm run bench`;
 *   - a wasm32 module for the host (clang), run in a Worker by the lab. There the "system call"
 *     is a call out of WebAssembly into JavaScript, the nearest thing a web page has.
 *
 * The i386 build keeps the x87 FPU (the guest's floating point is the lesson) and sets it to
 * 53-bit precision, so every result rounds exactly as WebAssembly's f64 does and the checksums
 * match bit for bit.
 */
typedef unsigned int u32;
typedef unsigned long long u64;

enum { WL_INT = 0, WL_MEM = 1, WL_FLOAT = 2, WL_SYS = 3, WL_COUNT = 4 };

/* Work per unit of scale; scale 1 is the lab's default run (each a few hundred ms in the guest). */
#define INT_BYTES (96u * 1024u)
#define INT_ROUNDS 64u
#define MEM_WORDS (256u * 1024u) /* 1 MiB */
#define MEM_ROUNDS 32u
#define FLOAT_SIDE 96u
#define FLOAT_MAX_ITER 256u
#define SYS_CALLS 120000u

static u32 buf_a[MEM_WORDS];
static u32 buf_b[MEM_WORDS];

#ifdef __wasm__
__attribute__((import_module("env"), import_name("umask"))) extern u32 host_umask(u32 mask);
static u32 sys_umask(u32 mask) { return host_umask(mask); }
#else
#include "../nolibc/i386.h"
static u32 sys_umask(u32 mask) { return (u32)sys3(60, (long)mask, 0, 0); }
#endif

/* A small deterministic generator (xorshift32), so no input file is needed. */
static u32 next_random(u32 *state) {
  u32 x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

static u32 mix(u32 h, u32 v) { return (h ^ v) * 16777619u; }

static u32 work_int(u32 scale) {
  unsigned char *bytes = (unsigned char *)buf_a;
  u32 seed = 0x12345678u;
  for (u32 i = 0; i < INT_BYTES / 4; i++) buf_a[i] = next_random(&seed);
  u32 crc = 0xffffffffu;
  for (u32 round = 0; round < INT_ROUNDS * scale; round++) {
    for (u32 i = 0; i < INT_BYTES; i++) {
      crc ^= bytes[i];
      for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
  }
  return ~crc;
}

static u32 work_mem(u32 scale) {
  u32 seed = 0x9e3779b9u;
  for (u32 i = 0; i < MEM_WORDS; i++) buf_a[i] = next_random(&seed);
  u32 h = 2166136261u;
  for (u32 round = 0; round < MEM_ROUNDS * scale; round++) {
    u32 *from = (round & 1u) ? buf_b : buf_a;
    u32 *to = (round & 1u) ? buf_a : buf_b;
    /* Copy with a rotation, so neither compiler can turn it into a library memcpy. */
    for (u32 i = 0; i < MEM_WORDS; i++) to[(i + 1u) & (MEM_WORDS - 1u)] = from[i];
    /* Scan: count words below a threshold, and fold in a strided sample. */
    u32 below = 0;
    for (u32 i = 0; i < MEM_WORDS; i++) below += to[i] < 0x40000000u;
    h = mix(h, below);
    h = mix(h, to[(round * 4099u) & (MEM_WORDS - 1u)]);
  }
  return h;
}

static u32 work_float(u32 scale) {
  u32 h = 2166136261u;
  const u32 side = FLOAT_SIDE * scale;
  for (u32 py = 0; py < side; py++) {
    double ci = -1.25 + 2.5 * (double)py / (double)side;
    for (u32 px = 0; px < side; px++) {
      double cr = -2.0 + 2.5 * (double)px / (double)side;
      double zr = 0.0, zi = 0.0;
      u32 n = 0;
      while (n < FLOAT_MAX_ITER) {
        double zr2 = zr * zr, zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) break;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        n++;
      }
      h = mix(h, n);
    }
  }
  return h;
}

static u32 work_sys(u32 scale) {
  u32 h = 2166136261u;
  sys_umask(022);
  for (u32 i = 0; i < SYS_CALLS * scale; i++) h = mix(h, sys_umask(022) + i);
  return h;
}

static u32 run_workload(u32 id, u32 scale) {
  if (scale == 0) scale = 1;
  switch (id) {
    case WL_INT: return work_int(scale);
    case WL_MEM: return work_mem(scale);
    case WL_FLOAT: return work_float(scale);
    case WL_SYS: return work_sys(scale);
    default: return 0;
  }
}

#ifdef __wasm__

/* The host side: JavaScript calls run() and times it with performance.now(). */
__attribute__((export_name("run"))) u32 run(u32 id, u32 scale) { return run_workload(id, scale); }

#else

/* The guest side: a tiny static program with its own entry point, output and clock. */
static const char *const names[WL_COUNT] = {"int", "mem", "float", "sys"};

static void sys_exit(int code) {
  for (;;) sys3(1, code, 0, 0);
}
static void put(const char *s) {
  long n = 0;
  while (s[n]) n++;
  sys3(4, 1, (long)s, n);
}
static int same(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}
static u64 now_ns(void) {
  struct { long long sec; long long nsec; } ts; /* struct __kernel_timespec */
  sys3(403, 1 /* CLOCK_MONOTONIC */, (long)&ts, 0); /* clock_gettime64 */
  return (u64)ts.sec * 1000000000ull + (u64)ts.nsec;
}
static char *format_u64(char *end, u64 v) {
  *--end = 0;
  do *--end = (char)('0' + v % 10u); while (v /= 10u);
  return end;
}
static char *format_hex(char *end, u32 v) {
  *--end = 0;
  for (int i = 0; i < 8; i++, v >>= 4) *--end = "0123456789abcdef"[v & 15u];
  return end;
}
static u32 parse_u32(const char *s) {
  u32 v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10u + (u32)(*s++ - '0');
  return v;
}
static void set_fpu_double_precision(void) {
  unsigned short cw = 0x027f; /* all exceptions masked, round to nearest, 53-bit mantissa */
  __asm__ volatile("fldcw %0" : : "m"(cw));
}

/* One line per workload: "aula-bench: <name> sum=<hex> ns=<decimal>". */
static void run_and_report(u32 id, u32 scale) {
  char sum[16], ns[24];
  u64 start = now_ns();
  u32 checksum = run_workload(id, scale);
  u64 took = now_ns() - start;
  put("aula-bench: ");
  put(names[id]);
  put(" sum=");
  put(format_hex(sum + sizeof sum, checksum));
  put(" ns=");
  put(format_u64(ns + sizeof ns, took));
  put("\n");
}

__attribute__((used)) void aula_main(long argc, char **argv) {
  set_fpu_double_precision();
  u32 scale = argc > 2 ? parse_u32(argv[2]) : 1u;
  for (u32 id = 0; id < WL_COUNT; id++) {
    if (argc > 1 && (same(argv[1], names[id]) || same(argv[1], "all"))) {
      run_and_report(id, scale);
      if (!same(argv[1], "all")) sys_exit(0);
    }
  }
  if (argc > 1 && same(argv[1], "all")) sys_exit(0);
  put("usage: aula-bench int|mem|float|sys|all [scale]\n");
  sys_exit(2);
}

#endif
