/* parse: the entry points, the token window, node helpers and the rules
 * that decide which error is reported.
 *
 * CPython 3.11 parses twice: a fast pass, and on failure a second pass
 * with extra rules that only exist to produce better messages. A
 * tokenizer error wins over both; after a parser error CPython reads the
 * rest of the file and lets a later tokenizer error (or a bracket left
 * open on an earlier line) take over. parse_program() replays that order:
 * the parse functions record the first error (in Shared), and
 * finish_error() decides what is reported. Errors CPython's symbol table
 * and compiler find come after a clean parse (parse_check.c), and last the
 * constructs MiniPy does not run (late()). */
#include "parse_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- interned identifiers: equal names share one string ---- */

struct Names {
    const char **slots;
    size_t *lens;
    size_t cap, used;
};

static Names *names_new(void)
{
    Names *n = xcalloc(1, sizeof *n);
    n->cap = 256;
    n->slots = xcalloc(n->cap, sizeof *n->slots);
    n->lens = xcalloc(n->cap, sizeof *n->lens);
    return n;
}

static void names_free(Names *n)
{
    if (!n)
        return;
    free(n->slots);
    free(n->lens);
    free(n);
}

static size_t hash_bytes(const char *s, size_t n)
{
    size_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

const char *parse_intern(Parser *p, const char *s, size_t n)
{
    Names *t = p->sh->names;
    if ((t->used + 1) * 2 > t->cap) {
        size_t cap = t->cap * 2;
        const char **slots = xcalloc(cap, sizeof *slots);
        size_t *lens = xcalloc(cap, sizeof *lens);
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slots[i])
                continue;
            size_t j = hash_bytes(t->slots[i], t->lens[i]) & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = t->slots[i];
            lens[j] = t->lens[i];
        }
        free(t->slots);
        free(t->lens);
        t->slots = slots;
        t->lens = lens;
        t->cap = cap;
    }
    size_t j = hash_bytes(s, n) & (t->cap - 1);
    while (t->slots[j]) {
        if (t->lens[j] == n && memcmp(t->slots[j], s, n) == 0)
            return t->slots[j];
        j = (j + 1) & (t->cap - 1);
    }
    t->slots[j] = arena_strndup(p->sh->arena, s, n);
    t->lens[j] = n;
    t->used++;
    return t->slots[j];
}

/* ---- tokens ---- */

static void record(Parser *p, DiagKind kind, int pass1, int prefix, int line, int col,
                   const char *msg);

/* The lexer reported an error: from the main text it is final (CPython
 * raises it the moment the token is read); inside an f-string field it is
 * an error of the string, which a later tokenizer error may still beat. */
static void lexer_error(Parser *p)
{
    const LexError *e = &p->lx->err;
    if (p->field) {
        int saved = p->probing;
        p->probing = 0;
        record(p, e->kind, 1, 0, e->line, e->col, e->msg);
        p->probing = saved;
    } else if (!p->sh->err.set) {
        Diag *d = &p->sh->err;
        d->set = 1;
        d->kind = e->kind;
        d->line = e->line;
        d->col = e->col;
        snprintf(d->msg, sizeof d->msg, "%s", e->msg);
        p->sh->err_final = 1;
    }
    p->stop = 1;
}

static void fetch(Parser *p)
{
    int slot = (p->head + p->count) % RING;
    if (p->count > 0) {
        const Token *last = &p->ring[(p->head + p->count - 1) % RING];
        if (last->kind == T_ERROR || last->kind == T_ENDMARKER) {
            p->ring[slot] = *last;
            p->count++;
            return;
        }
    } else if (p->prev.kind == T_ERROR || (p->idx > 0 && p->prev.kind == T_ENDMARKER)) {
        p->ring[slot] = p->prev;
        p->count++;
        return;
    }
    Token t = lex_next(p->lx);
    p->ring[slot] = t;
    p->count++;
    if (!p->field) {
        if (t.err_line > p->sh->furthest_line)
            p->sh->furthest_line = t.err_line;
        p->sh->far_line = t.err_line;
        p->sh->far_col = t.err_col;
    }
    if (t.kind == T_ERROR)
        lexer_error(p);
}

const Token *parse_peek(Parser *p, int k)
{
    if (p->backoff)
        return &p->sentinel;
    while (p->count <= k)
        fetch(p);
    return &p->ring[(p->head + k) % RING];
}

const Token *parse_tok(Parser *p) { return parse_peek(p, 0); }

void parse_advance(Parser *p)
{
    const Token *t = parse_tok(p);
    if (t->kind == T_ERROR || p->backoff)
        return;
    p->prev = *t;
    p->head = (p->head + 1) % RING;
    p->count--;
    p->idx++;
}

int parse_at(Parser *p, TokKind k) { return parse_tok(p)->kind == k; }

int parse_accept(Parser *p, TokKind k)
{
    if (!parse_at(p, k))
        return 0;
    parse_advance(p);
    return 1;
}

/* ---- nodes ---- */

Node *parse_node(Parser *p, NodeKind kind, const Token *t)
{
    Node *n = arena_alloc(p->sh->arena, sizeof *n);
    n->kind = kind;
    n->line = t->line;
    n->col = t->col;
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

Node *parse_node_at(Parser *p, NodeKind kind, const Node *start)
{
    Node *n = arena_alloc(p->sh->arena, sizeof *n);
    n->kind = kind;
    n->line = start->line;
    n->col = start->col;
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    return n;
}

void parse_end_prev(Parser *p, Node *n)
{
    n->end_line = p->prev.end_line;
    n->end_col = p->prev.end_col;
}

void parse_end_at(Node *n, const Node *last)
{
    n->end_line = last->end_line;
    n->end_col = last->end_col;
}

void parse_push(Parser *p, Vec *v, Node *n)
{
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        Node **items = arena_alloc(p->sh->arena, (size_t)cap * sizeof *items);
        if (v->len)
            memcpy(items, v->items, (size_t)v->len * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = n;
}

NodeList parse_list(const Vec *v)
{
    NodeList l = {v->items, v->len};
    return l;
}

/* ---- errors ---- */

static void record(Parser *p, DiagKind kind, int pass1, int prefix, int line, int col,
                   const char *msg)
{
    p->stop = 1;
    /* a clean probe hides its parse errors, not those of actions on the
     * way (string literals), which CPython raises on any pass */
    if ((p->probing == PROBE_CLEAN && !pass1) || p->sh->err.set)
        return;
    Diag *d = &p->sh->err;
    d->set = 1;
    d->kind = kind;
    d->line = line;
    d->col = col;
    const char *pre = prefix && p->field ? "f-string: " : "";
    size_t a = strlen(pre), b = strlen(msg);
    if (a + b >= sizeof d->msg)
        b = sizeof d->msg - 1 - a;
    memcpy(d->msg, pre, a);
    memcpy(d->msg + a, msg, b);
    d->msg[a + b] = '\0';
    p->sh->err_pass1 = pass1 || p->field;
}

static void vrecord(Parser *p, DiagKind kind, int pass1, int line, int col, const char *fmt,
                    va_list ap)
{
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    record(p, kind, pass1, 1, line, col, msg);
}

void parse_err(Parser *p, DiagKind kind, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, kind, 0, line, col, fmt, ap);
    va_end(ap);
}

void parse_err1(Parser *p, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, DIAG_SYNTAX, 1, line, col, fmt, ap);
    va_end(ap);
}

void parse_err_node(Parser *p, const Node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, DIAG_SYNTAX, 0, n->line, n->col, fmt, ap);
    va_end(ap);
}

void parse_err_tok(Parser *p, const Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, DIAG_SYNTAX, 0, t->err_line, t->err_col, fmt, ap);
    va_end(ap);
}

void parse_err_tok1(Parser *p, const Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, DIAG_SYNTAX, 1, t->err_line, t->err_col, fmt, ap);
    va_end(ap);
}

void parse_late(Parser *p, DiagKind kind, int line, int col, const char *fmt, ...)
{
    if (p->probing || p->sh->late.set)
        return;
    va_list ap;
    va_start(ap, fmt);
    Diag *d = &p->sh->late;
    d->set = 1;
    d->kind = kind;
    d->line = line;
    d->col = col;
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
}

int parse_enter(Parser *p)
{
    if (p->stop)
        return 0;
    if (++p->sh->depth > PARSE_MAX_DEPTH) {
        const Token *t = parse_tok(p);
        if (!p->stop)
            parse_err1(p, t->line, t->col, "too many nested expressions");
        p->sh->depth--;
        return 0;
    }
    return 1;
}

void parse_leave(Parser *p) { p->sh->depth--; }

int parse_can_start_expr(TokKind k)
{
    switch (k) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB:
    case T_LBRACE: case T_MINUS: case T_PLUS: case T_TILDE: case T_NOT:
    case T_LAMBDA: case T_NONE: case T_TRUE: case T_FALSE: case T_ELLIPSIS:
    case T_AWAIT:
        return 1;
    default:
        return 0;
    }
}

/* Runs fn as one of CPython's second-pass lookaheads ("does this parse
 * here?"); which errors it reports depends on the level (parse_impl.h).
 * Tokens it reads stay read: callers only probe on the way to reporting
 * an error, or save the state first. */
static int probe_at(Parser *p, Node *(*fn)(Parser *), Node **out, int level)
{
    if (p->stop)
        return 0;
    int saved = p->probing;
    Node *last = p->last_expr;
    size_t last_end = p->last_end;
    if (level > p->probing)
        p->probing = level;
    int backoff = p->backoff;
    p->backoff = 0;
    Node *n = fn(p);
    p->backed_off = p->backoff;
    if (p->backoff)
        p->prev = p->backoff_prev;
    p->backoff = backoff;
    p->probing = saved;
    p->last_expr = last;
    p->last_end = last_end;
    if (p->sh->err.set) {
        p->stop = 1;
        return 0;
    }
    int ok = n && !p->stop;
    p->stop = 0;
    if (out)
        *out = ok ? n : NULL;
    return ok;
}

/* A continuation after `last` failed inside a probe without a reported
 * error: end the expression after `last`, as CPython's backtracking would.
 * Returns 1 if so (the caller returns what it had), 0 to fail. */
int parse_back_off(Parser *p, const Token *last)
{
    /* (when already backing off, an enclosing construct that needed more
     * than the prefix backs off further, to before itself) */
    if (!p->probing || !p->stop || p->sh->err.set)
        return 0;
    p->stop = 0;
    p->backoff = 1;
    p->backoff_prev = *last;
    Token *s = &p->sentinel;
    memset(s, 0, sizeof *s);
    s->kind = T_ENDMARKER;
    s->line = s->end_line = s->err_line = last->end_line;
    s->col = s->end_col = s->err_col = last->end_col;
    s->level = last->level;
    return 1;
}

int parse_probe(Parser *p, Node *(*fn)(Parser *), Node **out)
{
    return probe_at(p, fn, out, PROBE_QUIET_GENERIC);
}

int parse_probe_clean(Parser *p, Node *(*fn)(Parser *), Node **out)
{
    return probe_at(p, fn, out, PROBE_CLEAN);
}

void parse_save(Parser *p, Snapshot *s)
{
    s->lx = *p->lx;
    s->p = *p;
}

void parse_restore(Parser *p, const Snapshot *s)
{
    Lexer *lx = p->lx;
    *lx = s->lx;
    *p = s->p;
    p->lx = lx;
}

static int is_name(const Node *n, const char *s)
{
    return n && n->kind == E_NAME && strcmp(n->name, s) == 0;
}

/* Is e's first token a soft keyword (match, case, _)? CPython's "forgot a
 * comma" rule does not apply then. As CPython 3.11 compares only the
 * name's length, any prefix of "match" or "case" counts too. */
static int starts_with_soft_keyword(const Node *e)
{
    const Node *n = e;
    for (;;) {
        if (n->kind == E_NAME) {
            size_t len = strlen(n->name);
            return n->line == e->line && n->col == e->col && len > 0 &&
                   (strncmp("match", n->name, len) == 0 || strncmp("case", n->name, len) == 0 ||
                    strcmp("_", n->name) == 0);
        }
        if (n->kind == E_BINOP || n->kind == E_ATTR || n->kind == E_SUBSCRIPT ||
            n->kind == E_CALL || n->kind == E_COMPARE)
            n = n->a;
        else if (n->kind == E_BOOLOP && n->l1.len)
            n = n->l1.items[0];
        else if (n->kind == E_IFEXP)
            n = n->b;
        else
            return 0;
    }
}

/* Two expressions side by side, e then the current token. CPython's
 * second pass tries, where e began: "forgot a comma?" (inside brackets, if
 * an expression follows); for a name e, reading on from the next token,
 * which finds a Python 2 print ("a print x") or errors further on; and
 * for print/exec itself, the parentheses message. Returns 1 if it
 * reported something; tokens read stay read either way. */
static int legacy_error(Parser *p, const Node *e)
{
    parse_err_node(p, e, "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->name,
                   e->name);
    return 1;
}

/* The error found reading again with every rule from `start`, after a
 * clean reading that looked as far as `far`: would CPython miss it? Its
 * rules remember what they read at each position, so the second reading
 * finds errors only after `far` or at `start` itself ("x if y" lacking
 * its 'else'), plus those any reading finds. */
static int memoized_error(Parser *p, const Token *start, const Token *far)
{
    const Diag *d = &p->sh->err;
    if (p->sh->err_pass1 || p->sh->err_final || d->kind != DIAG_SYNTAX)
        return 0;
    if (d->line > far->line || (d->line == far->line && d->col >= far->col))
        return 0;
    return !(d->line == start->line && d->col == start->col &&
             strcmp(d->msg, "expected 'else' after 'if' expression") == 0);
}

int parse_juxta_error(Parser *p)
{
    while (!p->stop && p->probing != PROBE_CLEAN) {
        const Token *t = parse_tok(p);
        Node *e = p->last_expr;
        if (!e || p->last_end != p->idx || !parse_can_start_expr(t->kind))
            return 0;
        /* a bare name starting an expression: CPython then reads on with
         * every rule (its "print x" check), so errors inside count */
        int bare = e->kind == E_NAME && p->prev.kind == T_NAME &&
                   p->prev.line == e->line && p->prev.col == e->col;
        int legacy = is_name(e, "print") || is_name(e, "exec");
        if (legacy && !bare)
            return p->stop;
        Node *n;
        if (starts_with_soft_keyword(e) || (bare && t->kind == T_STRING)) {
            /* no comma rule here: only that check reads on */
            if (!bare || !parse_probe(p, parse_star_exprs, &n) || p->backed_off)
                return p->stop;
            if (legacy)
                return legacy_error(p, e);
        } else {
            /* (what this reads, CPython keeps: its later reading with all
             * rules finds no errors inside, only after it) */
            Snapshot *snap = NULL;
            if (e->kind == E_NAME && (t->kind == T_NAME || bare)) {
                snap = xmalloc(sizeof *snap);
                parse_save(p, snap);
            }
            int ok = parse_probe_clean(p, parse_expr, &n);
            if (ok && p->prev.level > 0 && !legacy) {
                free(snap);
                parse_err_node(p, e, "invalid syntax. Perhaps you forgot a comma?");
                return 1;
            }
            if (bare && !p->stop) {
                Token far = *parse_tok(p), start = *t;
                parse_restore(p, snap);
                if (!parse_probe(p, parse_star_exprs, NULL) && p->stop &&
                    !memoized_error(p, &start, &far)) {
                    free(snap);
                    return 1;
                }
                p->sh->err.set = 0;
                parse_restore(p, snap);
                ok = parse_probe_clean(p, parse_expr, &n);
                if (legacy) {
                    free(snap);
                    return ok ? legacy_error(p, e) : p->stop;
                }
            }
            if (!ok || e->kind != E_NAME || p->stop) {
                free(snap);
                return p->stop;
            }
            if (p->backed_off) {
                /* only a print right here still counts: "a print[x for x in y]" */
                if (!snap || !(is_name(n, "print") || is_name(n, "exec"))) {
                    free(snap);
                    return 0;
                }
                parse_restore(p, snap);
                parse_advance(p);
            }
            free(snap);
        }
        p->last_expr = n;
        p->last_end = p->idx;
    }
    return p->stop;
}

void parse_syntax_error_at(Parser *p, const Token *tp)
{
    if (p->stop)
        return;
    if (p->probing == PROBE_CLEAN) {
        p->stop = 1;
        return;
    }
    Token t = *tp;
    if (p->probing && (t.kind == T_INDENT || t.kind == T_DEDENT)) {
        p->stop = 1;
        return;
    }
    if (t.kind == T_INDENT || t.kind == T_DEDENT) {
        parse_err(p, DIAG_INDENT, t.err_line, t.err_col,
                  t.kind == T_INDENT ? "unexpected indent" : "unexpected unindent");
        p->sh->err_indent = 1;
        return;
    }
    if (tp == parse_tok(p)) {
        /* after an operand CPython reads past a 'not' looking for "not in" */
        if (t.kind == T_NOT && p->idx > 0 && p->operand_end == p->idx &&
            parse_peek(p, 1)->kind != T_IN)
            t = *parse_peek(p, 1);
        if (parse_juxta_error(p) || p->stop)
            return;
    }
    if (p->probing) {
        p->stop = 1; /* a plain "invalid syntax" only ends a probe */
        return;
    }
    /* at the end of the input CPython's position has no column */
    parse_err(p, DIAG_SYNTAX, t.err_line, t.kind == T_ENDMARKER && !p->field ? 0 : t.err_col,
              "invalid syntax");
}

void parse_syntax_error(Parser *p) { parse_syntax_error_at(p, parse_tok(p)); }

/* ---- the depth of the finished tree ---- */

typedef struct {
    Node *n;
    int depth;
} Frame;

static void push_frame(Frame **st, size_t *len, size_t *cap, Node *n, int depth)
{
    if (!n)
        return;
    xgrow((void **)st, cap, *len + 1, sizeof **st);
    (*st)[(*len)++] = (Frame){n, depth};
}

/* Whoever walks the tree later may recurse: no path may be too long.
 * Also clears the marks the parser left in unused fields. */
static void check_depth(Parser *p, NodeList body)
{
    Frame *st = NULL;
    size_t len = 0, cap = 0;
    for (int i = 0; i < body.len; i++)
        push_frame(&st, &len, &cap, body.items[i], 1);
    while (len) {
        Frame f = st[--len];
        if (f.n->kind == E_TUPLE || f.n->kind == E_NONE)
            f.n->op = 0;
        if (f.depth > TREE_MAX_DEPTH) {
            parse_err1(p, f.n->line, f.n->col, "too many nested expressions");
            break;
        }
        push_frame(&st, &len, &cap, f.n->a, f.depth + 1);
        push_frame(&st, &len, &cap, f.n->b, f.depth + 1);
        push_frame(&st, &len, &cap, f.n->c, f.depth + 1);
        const NodeList *ls[4] = {&f.n->l1, &f.n->l2, &f.n->l3, &f.n->l4};
        for (int k = 0; k < 4; k++)
            for (int i = 0; i < ls[k]->len; i++)
                push_frame(&st, &len, &cap, ls[k]->items[i], f.depth + 1);
    }
    free(st);
}

/* ---- entry points ---- */

/* Decides which error CPython would have reported (see the top of the
 * file) and copies it to d. */
/* Does CPython find the "print x" noted in sh->legacy before sh->err?
 * What it reads after the name has been read again for errors already
 * (parse_expr.c); errors about the whole statement or after it come later. */
static int legacy_first(const Shared *sh)
{
    const Diag *d = &sh->err;
    const Node *e = sh->legacy;
    if (strcmp(d->msg, "invalid syntax") == 0)
        return 1;
    if (d->line == e->line && d->col == e->col)
        return strcmp(d->msg, "expected 'else' after 'if' expression") != 0;
    return d->line > e->line || (d->line == e->line && d->col > e->col);
}

static void finish_error(Parser *p, Lexer *lx)
{
    Shared *sh = p->sh;
    if (!sh->err_final) {
        /* second pass: a Python 2 print statement earlier on is reported
         * first, as CPython reads it with every rule before going on */
        if (!sh->err_pass1 && sh->legacy && legacy_first(sh)) {
            const Node *e = sh->legacy;
            sh->err.kind = DIAG_SYNTAX;
            sh->err.line = e->line;
            sh->err.col = e->col;
            snprintf(sh->err.msg, sizeof sh->err.msg,
                     "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->name,
                     e->name);
        }
        if (sh->err_indent && sh->err.kind == DIAG_INDENT)
            return;
        /* the rest of the text, for a tokenizer error that takes over */
        Token t;
        do
            t = lex_next(lx);
        while (t.kind != T_ENDMARKER && t.kind != T_ERROR);
        if (t.kind == T_ERROR &&
            (lx->err.hard || (lx->err.unclosed && lx->err.line < sh->furthest_line))) {
            sh->err.kind = lx->err.kind;
            sh->err.line = lx->err.line;
            sh->err.col = lx->err.col;
            snprintf(sh->err.msg, sizeof sh->err.msg, "%s", lx->err.msg);
        }
    }
}

static Ast *run(const char *src, size_t len, Diag *d, int expression)
{
    Ast *ast = xcalloc(1, sizeof *ast);
    ast->arena = arena_new();
    Shared sh;
    memset(&sh, 0, sizeof sh);
    sh.arena = ast->arena;
    sh.names = names_new();
    Lexer lx;
    if (!src)
        len = 0;
    lex_init(&lx, src ? src : "", len);
    Parser p;
    memset(&p, 0, sizeof p);
    p.lx = &lx;
    p.sh = &sh;
    Vec body = {0};
    if (expression) {
        /* leading blanks are not indentation here */
        while (lx.pos < lx.limit && (src[lx.pos] == ' ' || src[lx.pos] == '\t')) {
            lx.pos++;
            lx.col_pos = lx.pos;
            lx.col_val++;
        }
        Node *e = parse_star_exprs(&p);
        if (e) {
            while (parse_accept(&p, T_NEWLINE))
                ;
            if (!parse_at(&p, T_ENDMARKER))
                parse_syntax_error(&p);
            Node *s = parse_node_at(&p, S_EXPR, e);
            s->a = e;
            parse_end_at(s, e);
            parse_push(&p, &body, s);
        }
    } else {
        parse_file_input(&p, &body);
    }
    if (sh.err.set)
        finish_error(&p, &lx);
    else
        check_depth(&p, parse_list(&body));
    if (!sh.err.set)
        parse_check_tree(&p, parse_list(&body));
    names_free(sh.names);
    const Diag *e = sh.err.set ? &sh.err : sh.late.set ? &sh.late : NULL;
    if (e) {
        diag_set(d, e->kind, e->line, e->col < 1 ? 1 : e->col, "%s", e->msg);
        ast_free(ast);
        return NULL;
    }
    ast->body = parse_list(&body);
    return ast;
}

Ast *parse_program(const char *src, size_t len, Diag *d) { return run(src, len, d, 0); }

Ast *parse_expression(const char *src, size_t len, Diag *d) { return run(src, len, d, 1); }
