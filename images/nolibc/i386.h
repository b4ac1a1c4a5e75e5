/*
 * What a static i386 Linux program with no C library needs, shared by the guest programs built
 * in images/ (bench/aula-bench.c, popek/aula-popek.c): a system call through int $0x80, and the
 * entry point, which calls `int aula_main(int argc, char **argv)` (the program's own; it exits
 * with its own system call).
 */
#ifndef AULA86_NOLIBC_I386_H
#define AULA86_NOLIBC_I386_H

static inline long sys3(long nr, long a, long b, long c) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
  return ret;
}

/* Entry: the kernel leaves argc at (%esp) and argv just above it. */
__asm__(".globl _start\n"
        "_start:\n"
        "  xorl %ebp, %ebp\n"
        "  movl (%esp), %eax\n"
        "  leal 4(%esp), %ecx\n"
        "  andl $-16, %esp\n"
        "  subl $8, %esp\n"
        "  pushl %ecx\n"
        "  pushl %eax\n"
        "  call aula_main\n"
        "  hlt\n");

#endif
