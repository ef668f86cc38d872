// Fixed-arity wrappers around libedit's variadic calls, which Swift cannot make.
#ifndef CEDITLINE_H
#define CEDITLINE_H

#include <stdio.h>
#include <histedit.h>

/// A key handler: returns one of libedit's CC_* codes.
typedef unsigned char (*ce_key_handler)(EditLine *el, int ch);

/// Opens an editor on standard input and output, with a history of `history_size` lines.
EditLine *ce_open(const char *program, int history_size);
void ce_close(EditLine *el);

/// The prompt shown before each line (copied).
void ce_set_prompt(EditLine *el, const char *prompt);

/// Binds `key` (libedit notation, e.g. "^I") to a named handler.
void ce_bind(EditLine *el, const char *name, const char *help, const char *key, ce_key_handler handler);

/// Reads a line; NULL at end of input (count 0) or on interruption (count -1).
const char *ce_gets(EditLine *el, int *count);

/// The text of the line being edited, and the cursor's byte offset in it.
const char *ce_line(EditLine *el, int *length, int *cursor);
int ce_insert(EditLine *el, const char *text);
void ce_delete_before_cursor(EditLine *el, int count);
/// Writes ^C and a line break after the line on the screen (for the Ctrl-C key).
void ce_show_interrupt(EditLine *el);
void ce_resize(EditLine *el);

void ce_history_enter(EditLine *el, const char *line);
int ce_history_load(EditLine *el, const char *path);
int ce_history_save(EditLine *el, const char *path);
/// The lines of the history, oldest first, through a callback.
void ce_history_each(EditLine *el, void (*each)(const char *line, void *context), void *context);

#endif
