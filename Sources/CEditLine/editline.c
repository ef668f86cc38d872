#include "CEditLine.h"
#include <stdlib.h>
#include <string.h>

struct ce_state {
    History *history;
    char *prompt;
};

static char *ce_prompt(EditLine *el) {
    struct ce_state *state = NULL;
    el_get(el, EL_CLIENTDATA, &state);
    return state && state->prompt ? state->prompt : "> ";
}

EditLine *ce_open(const char *program, int history_size) {
    EditLine *el = el_init(program, stdin, stdout, stderr);
    if (!el) return NULL;
    struct ce_state *state = calloc(1, sizeof *state);
    HistEvent ev;
    state->history = history_init();
    history(state->history, &ev, H_SETSIZE, history_size);
    history(state->history, &ev, H_SETUNIQUE, 1);
    el_set(el, EL_CLIENTDATA, state);
    el_set(el, EL_HIST, history, state->history);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_PROMPT, ce_prompt);
    el_set(el, EL_SIGNAL, 1);
    /* Ctrl-C reaches the editor as a key (bound by the caller), not as SIGINT. */
    el_set(el, EL_SETTY, "-d", "-isig", NULL);
    el_source(el, NULL);  /* the user's ~/.editrc, if any */
    return el;
}

void ce_close(EditLine *el) {
    struct ce_state *state = NULL;
    el_get(el, EL_CLIENTDATA, &state);
    el_end(el);
    if (state) {
        history_end(state->history);
        free(state->prompt);
        free(state);
    }
}

void ce_set_prompt(EditLine *el, const char *prompt) {
    struct ce_state *state = NULL;
    el_get(el, EL_CLIENTDATA, &state);
    free(state->prompt);
    state->prompt = strdup(prompt);
}

void ce_bind(EditLine *el, const char *name, const char *help, const char *key, ce_key_handler handler) {
    el_set(el, EL_ADDFN, name, help, handler);
    el_set(el, EL_BIND, key, name, NULL);
}

const char *ce_gets(EditLine *el, int *count) { return el_gets(el, count); }

const char *ce_line(EditLine *el, int *length, int *cursor) {
    const LineInfo *info = el_line(el);
    *length = (int)(info->lastchar - info->buffer);
    *cursor = (int)(info->cursor - info->buffer);
    return info->buffer;
}

int ce_insert(EditLine *el, const char *text) { return el_insertstr(el, text); }
void ce_delete_before_cursor(EditLine *el, int count) { el_deletestr(el, count); }
void ce_resize(EditLine *el) { el_resize(el); }

void ce_show_interrupt(EditLine *el) {
    FILE *out = NULL;
    el_get(el, EL_GETFP, 1, &out);
    if (!out) out = stdout;
    fputs("^C\n", out);
    fflush(out);
}

static History *ce_history(EditLine *el) {
    struct ce_state *state = NULL;
    el_get(el, EL_CLIENTDATA, &state);
    return state->history;
}

void ce_history_enter(EditLine *el, const char *line) {
    HistEvent ev;
    history(ce_history(el), &ev, H_ENTER, line);
}

int ce_history_load(EditLine *el, const char *path) {
    HistEvent ev;
    return history(ce_history(el), &ev, H_LOAD, path);
}

int ce_history_save(EditLine *el, const char *path) {
    HistEvent ev;
    return history(ce_history(el), &ev, H_SAVE, path);
}

void ce_history_each(EditLine *el, void (*each)(const char *line, void *context), void *context) {
    History *h = ce_history(el);
    HistEvent ev;
    /* H_LAST is the oldest entry; H_PREV walks towards the newest. */
    for (int r = history(h, &ev, H_LAST); r != -1; r = history(h, &ev, H_PREV)) {
        each(ev.str, context);
    }
}
