/*
 * aula-popek: Popek and Goldberg's test, run on the guest's x86 CPU.
 *
 * Popek and Goldberg (1974): a machine can be virtualized by trap-and-emulate when every
 * sensitive instruction (one that reads or changes the machine's privileged state) is also
 * privileged (traps when run outside the most privileged mode). This program runs, in user mode
 * (ring 3, where a trap-and-emulate hypervisor would run a guest's kernel), six instructions:
 *   HLT, CLI             privileged: the CPU raises #GP, the kernel kills the program (SIGSEGV);
 *   SGDT, SIDT, SMSW     sensitive, not privileged: they run and reveal the kernel's tables and CR0;
 *   POPF                 sensitive, not privileged: clearing IF is silently dropped, no trap.
 * Each runs in a child process, so a trap kills only the child; the parent reports what happened
 * on the terminal (Spanish when /run/aula-lang says "es") and writes one line per instruction to
 * /run/aula-popek ("hlt trapped 11", "sgdt ran 0xc1...", "popf ignored") for the lab's lessons.
 *
 * A static i386 Linux binary with no libc (int $0x80 system calls), like aula-bench
 * (images/build-popek.sh). Usage: aula-popek [hlt|cli|sgdt|sidt|smsw|popf]...
 */
typedef unsigned int u32;

#include "../nolibc/i386.h"
enum { SYS_EXIT = 1, SYS_FORK = 2, SYS_READ = 3, SYS_WRITE = 4, SYS_OPEN = 5, SYS_CLOSE = 6,
       SYS_WAITPID = 7, SYS_PIPE = 42 };
enum { O_RDONLY = 0, O_WRONLY_CREAT_TRUNC = 01 | 0100 | 01000 };

static __attribute__((noreturn)) void sys_exit(int code) {
  for (;;) sys3(SYS_EXIT, code, 0, 0);
}
static int same(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

/* Output, gathered in a buffer: the terminal's text and the record's. */
typedef struct { char text[2048]; u32 used; } Out;
static void add(Out *o, const char *s) {
  while (*s && o->used < sizeof o->text - 1) o->text[o->used++] = *s++;
}
static void add_hex(Out *o, u32 v, int digits) {
  char s[11] = "0x";
  for (int i = 0; i < digits; i++) s[2 + i] = "0123456789abcdef"[(v >> (4 * (digits - 1 - i))) & 15];
  s[2 + digits] = 0;
  add(o, s);
}
static void add_dec(Out *o, u32 v) {
  char s[11];
  int i = 10;
  s[i] = 0;
  do s[--i] = (char)('0' + v % 10), v /= 10; while (v);
  add(o, s + i);
}
static void flush(int fd, Out *o) {
  if (o->used) sys3(SYS_WRITE, fd, (long)o->text, o->used);
  o->used = 0;
}

/* What an instruction's child saw, sent to the parent through a pipe. */
typedef struct { u32 a, b; } Seen;

static Seen run_hlt(void) { __asm__ volatile("hlt"); return (Seen){0, 0}; }
static Seen run_cli(void) { __asm__ volatile("cli"); return (Seen){0, 0}; }
static Seen run_table(int idt) {
  unsigned char t[6] = {0};
  if (idt) __asm__ volatile("sidt %0" : "=m"(t));
  else __asm__ volatile("sgdt %0" : "=m"(t));
  return (Seen){(u32)t[2] | (u32)t[3] << 8 | (u32)t[4] << 16 | (u32)t[5] << 24, (u32)t[0] | (u32)t[1] << 8};
}
static Seen run_smsw(void) {
  u32 msw;
  __asm__ volatile("smsw %0" : "=r"(msw));
  return (Seen){msw & 0xffff, 0};
}
/* Asks for IF = 0 through POPF; returns IF before and after. */
static Seen run_popf(void) {
  u32 before, after;
  __asm__ volatile("pushfl\n\tpopl %0\n\t"
                   "movl %0, %%eax\n\tandl $~0x200, %%eax\n\tpushl %%eax\n\tpopfl\n\t"
                   "pushfl\n\tpopl %1"
                   : "=&r"(before), "=r"(after) : : "eax", "cc");
  return (Seen){(before >> 9) & 1, (after >> 9) & 1};
}

enum { HLT, CLI, SGDT, SIDT, SMSW, POPF, COUNT };
static const char *const names[COUNT] = {"hlt", "cli", "sgdt", "sidt", "smsw", "popf"};
static const char *const upper[COUNT] = {"HLT ", "CLI ", "SGDT", "SIDT", "SMSW", "POPF"};

static Seen run(int id) {
  switch (id) {
    case HLT: return run_hlt();
    case CLI: return run_cli();
    case SGDT: return run_table(0);
    case SIDT: return run_table(1);
    case SMSW: return run_smsw();
    default: return run_popf();
  }
}

static int spanish;
#define SAY(en, es) (spanish ? (es) : (en))

/* Runs one instruction in a child; reports it to the terminal and the record. Returns 1 when it
   trapped. */
static int test(int id, Out *screen, Out *record) {
  int fds[2];
  if (sys3(SYS_PIPE, (long)fds, 0, 0) < 0) sys_exit(3);
  long pid = sys3(SYS_FORK, 0, 0, 0);
  if (pid < 0) sys_exit(3);
  if (pid == 0) {
    Seen seen = run(id);
    sys3(SYS_WRITE, fds[1], (long)&seen, sizeof seen);
    sys_exit(0);
  }
  sys3(SYS_CLOSE, fds[1], 0, 0);
  int status = 0;
  sys3(SYS_WAITPID, pid, (long)&status, 0);
  Seen seen = {0, 0};
  long got = sys3(SYS_READ, fds[0], (long)&seen, sizeof seen);
  sys3(SYS_CLOSE, fds[0], 0, 0);
  int privileged = id == HLT || id == CLI;
  add(screen, "  ");
  add(screen, upper[id]);
  add(screen, privileged ? SAY("  privileged  ", "  privilegiada ") : SAY("  sensitive   ", "  sensible     "));
  add(record, names[id]);
  int signal = status & 0x7f;
  if (got != sizeof seen) {
    add(screen, SAY("trapped: the CPU raised #GP, the kernel killed it (",
                    "atrapada: la CPU lanzó #GP, el kernel la mató ("));
    add(screen, signal == 11 ? "SIGSEGV" : signal == 4 ? "SIGILL" : "");
    if (signal != 11 && signal != 4) add_dec(screen, (u32)signal);
    add(screen, ")\n");
    add(record, " trapped ");
    add_dec(record, (u32)signal);
    add(record, "\n");
    return 1;
  }
  add(screen, SAY("no trap: ", "sin trampa: "));
  switch (id) {
    case SGDT:
    case SIDT:
      add(screen, id == SGDT ? SAY("the kernel's GDT is at ", "GDT del kernel en ")
                             : SAY("the kernel's IDT is at ", "IDT del kernel en "));
      add_hex(screen, seen.a, 8);
      add(screen, SAY(" (limit ", " (límite "));
      add_dec(screen, seen.b);
      add(screen, ")\n");
      add(record, " ran ");
      add_hex(record, seen.a, 8);
      add(record, "\n");
      break;
    case SMSW:
      add(screen, SAY("CR0's low bits are ", "bits bajos de CR0: "));
      add_hex(screen, seen.a, 4);
      add(screen, (seen.a & 1) ? SAY(" (PE=1: protected mode)\n", " (PE=1: protegido)\n") : "\n");
      add(record, " ran ");
      add_hex(record, seen.a, 4);
      add(record, "\n");
      break;
    default:
      if (seen.a && seen.b) {
        add(screen, SAY("asked for IF=0, IF is still 1 (dropped silently)\n",
                        "pidió IF=0, IF sigue a 1 (perdido en silencio)\n"));
        add(record, " ignored\n");
      } else {
        add(screen, SAY("IF went from ", "IF pasó de "));
        add_dec(screen, seen.a);
        add(screen, SAY(" to ", " a "));
        add_dec(screen, seen.b);
        add(screen, "\n");
        add(record, " changed\n");
      }
  }
  return 0;
}

int aula_main(int argc, char **argv) {
  char lang[4] = {0};
  long fd = sys3(SYS_OPEN, (long)"/run/aula-lang", O_RDONLY, 0);
  if (fd >= 0) {
    sys3(SYS_READ, fd, (long)lang, 2);
    sys3(SYS_CLOSE, fd, 0, 0);
  }
  spanish = lang[0] == 'e' && lang[1] == 's';

  int chosen[COUNT] = {0}, any = 0;
  for (int i = 1; i < argc; i++) {
    int found = 0;
    for (int id = 0; id < COUNT; id++)
      if (same(argv[i], names[id])) chosen[id] = found = any = 1;
    if (!found) {
      static Out o;
      add(&o, SAY("usage: aula-popek [hlt|cli|sgdt|sidt|smsw|popf]...\n",
                  "uso: aula-popek [hlt|cli|sgdt|sidt|smsw|popf]...\n"));
      flush(2, &o);
      sys_exit(2);
    }
  }
  static Out screen, record;
  add(&screen, SAY("aula-popek: x86 instructions run in user mode (ring 3)\n\n",
                   "aula-popek: instrucciones x86 ejecutadas en modo usuario (anillo 3)\n\n"));
  int sensitive = 0, silent = 0;
  for (int id = 0; id < COUNT; id++) {
    if (any && !chosen[id]) continue;
    int trapped = test(id, &screen, &record);
    if (id != HLT && id != CLI) sensitive++, silent += !trapped;
  }
  if (!any) {
    add(&screen, SAY("\nSensitive but not privileged: ", "\nSensibles pero no privilegiadas: "));
    add_dec(&screen, (u32)silent);
    add(&screen, SAY(" of ", " de "));
    add_dec(&screen, (u32)sensitive);
    add(&screen, silent ? SAY(".\nPopek and Goldberg: this x86 cannot be virtualized by trap-and-emulate alone.\n",
                              ".\nPopek y Goldberg: este x86 no se puede virtualizar solo atrapando y emulando.\n")
                        : SAY(". Every sensitive instruction traps: trap-and-emulate would work.\n",
                              ". Todas las sensibles se atrapan: atrapar y emular funcionaría.\n"));
  }
  flush(1, &screen);
  long out = sys3(SYS_OPEN, (long)"/run/aula-popek", O_WRONLY_CREAT_TRUNC, 0644);
  if (out >= 0) {
    flush((int)out, &record);
    sys3(SYS_CLOSE, out, 0, 0);
  }
  sys_exit(0);
}
