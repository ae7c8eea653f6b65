#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#if __has_include(<ncursesw/ncurses.h>)
#include <ncursesw/ncurses.h>
#else
#include <ncurses.h>
#endif

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_colors(void) { return COLORS; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_color_pair(int n) { return COLOR_PAIR(n); }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cn_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_err(void) { return ERR; }
static inline void cn_attrset(WINDOW *w, attr_t a) { wattrset(w, (int)a); }
/// Reads one key: returns OK (a character), KEY_CODE_YES (a key code) or ERR (timeout), value in *out.
static inline int cn_get_wch(WINDOW *w, unsigned int *out) {
    wint_t ch = 0;
    int rc = wget_wch(w, &ch);
    *out = (unsigned int)ch;
    return rc;
}

static inline int cn_key_mouse(void) { return KEY_MOUSE; }
/// Asks for mouse presses and the wheel (or nothing); presses are reported at once, not as clicks later.
static inline void cn_mouse(int on) {
    mousemask(on ? (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
    mouseinterval(0);
}
/// The pending mouse event: 1 left press, 4 wheel up, 5 wheel down, 0 anything else, -1 none; position in *row, *col.
static inline int cn_getmouse(int *row, int *col) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *row = event.y;
    *col = event.x;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 4;
    if (event.bstate & BUTTON5_PRESSED) return 5;
    return 0;
}

/// Turns bracketed paste on or off (pastes then arrive between ESC [200~ and ESC [201~).
/// Written straight to the terminal with write(2), so the crash handler may call it too.
static inline void cn_bracketed_paste(int on) {
    const char *sequence = on ? "\033[?2004h" : "\033[?2004l";
    ssize_t written = write(STDOUT_FILENO, sequence, strlen(sequence));
    (void)written;
}

/// On a crash signal: give the terminal back, then die of the same signal.
static void cn_crash_handler(int sig) {
    endwin();
    cn_bracketed_paste(0);
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Restores the terminal if the process dies of SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT or SIGFPE
/// (Swift runtime traps arrive as SIGILL/SIGTRAP).
static inline void cn_install_crash_restore(void) {
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = cn_crash_handler;
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, NULL);
    }
}
#endif
