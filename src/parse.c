/* parse: the entry points, the token window, node helpers and the rules
 * that decide which error is reported.
 *
 * CPython 3.11 parses twice: a fast pass, and on failure a second pass
 * with extra rules that only exist to produce better messages. A
 * tokenizer error wins over both; after a parser error CPython reads the
 * rest of the file and lets a later tokenizer error (or a bracket left
 * open on an earlier line) take over. parse_program() replays that order:
 * the parse functions record the first error (in Shared), and finish()
 * decides what is reported. */
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

const char *intern(Parser *p, const char *s, size_t n)
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

const Token *peek(Parser *p, int k)
{
    while (p->count <= k)
        fetch(p);
    return &p->ring[(p->head + k) % RING];
}

const Token *tok(Parser *p) { return peek(p, 0); }

void advance(Parser *p)
{
    const Token *t = tok(p);
    if (t->kind == T_ERROR)
        return;
    p->prev = *t;
    p->head = (p->head + 1) % RING;
    p->count--;
    p->idx++;
}

int at(Parser *p, TokKind k) { return tok(p)->kind == k; }

int accept(Parser *p, TokKind k)
{
    if (!at(p, k))
        return 0;
    advance(p);
    return 1;
}

/* ---- nodes ---- */

Node *mk(Parser *p, NodeKind kind, const Token *t)
{
    Node *n = arena_alloc(p->sh->arena, sizeof *n);
    n->kind = kind;
    n->line = t->line;
    n->col = t->col;
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

Node *mk_at(Parser *p, NodeKind kind, const Node *start)
{
    Node *n = arena_alloc(p->sh->arena, sizeof *n);
    n->kind = kind;
    n->line = start->line;
    n->col = start->col;
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    return n;
}

void end_at_prev(Parser *p, Node *n)
{
    n->end_line = p->prev.end_line;
    n->end_col = p->prev.end_col;
}

void end_at(Node *n, const Node *last)
{
    n->end_line = last->end_line;
    n->end_col = last->end_col;
}

void vec_push(Parser *p, Vec *v, Node *n)
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

NodeList vec_list(const Vec *v)
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

void perr(Parser *p, DiagKind kind, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, kind, 0, line, col, fmt, ap);
    va_end(ap);
}

void perr_1(Parser *p, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, DIAG_SYNTAX, 1, line, col, fmt, ap);
    va_end(ap);
}

void perr_node(Parser *p, const Node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, DIAG_SYNTAX, 0, n->line, n->col, fmt, ap);
    va_end(ap);
}

void perr_tok(Parser *p, const Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, DIAG_SYNTAX, 0, t->err_line, t->err_col, fmt, ap);
    va_end(ap);
}

void perr_tok_1(Parser *p, const Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vrecord(p, DIAG_SYNTAX, 1, t->err_line, t->err_col, fmt, ap);
    va_end(ap);
}

void late(Parser *p, DiagKind kind, int line, int col, const char *fmt, ...)
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

int enter(Parser *p)
{
    if (p->stop)
        return 0;
    if (++p->sh->depth > PARSE_MAX_DEPTH) {
        const Token *t = tok(p);
        if (!p->stop)
            perr_1(p, t->line, t->col, "too many nested expressions");
        p->sh->depth--;
        return 0;
    }
    return 1;
}

void leave(Parser *p) { p->sh->depth--; }

int can_start_expr(TokKind k)
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

/* Runs fn without reporting its errors (CPython's "does this parse?"
 * lookaheads). Tokens it reads stay read: callers only probe on the way
 * to reporting an error. A tokenizer error met on the way is real. */
static int probe_at(Parser *p, Node *(*fn)(Parser *), Node **out, int level)
{
    if (p->stop)
        return 0;
    int saved = p->probing;
    Node *last = p->last_expr;
    size_t last_end = p->last_end;
    if (level > p->probing)
        p->probing = level;
    Node *n = fn(p);
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

int probe(Parser *p, Node *(*fn)(Parser *), Node **out)
{
    return probe_at(p, fn, out, PROBE_QUIET_GENERIC);
}

int probe_clean(Parser *p, Node *(*fn)(Parser *), Node **out)
{
    return probe_at(p, fn, out, PROBE_CLEAN);
}

void save_state(Parser *p, Snapshot *s)
{
    s->lx = *p->lx;
    s->p = *p;
}

void restore_state(Parser *p, const Snapshot *s)
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

/* The leftmost token of e is a soft keyword (match, case, _): CPython's
 * "forgot a comma" rule does not apply then. */
static int starts_with_soft_keyword(const Node *e)
{
    const Node *n = e;
    for (;;) {
        if (n->kind == E_NAME)
            return n->line == e->line && n->col == e->col &&
                   (is_name(n, "_") || is_name(n, "match") || is_name(n, "case"));
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
 * second pass tries, where e began: "forgot a comma?" (inside brackets,
 * if an expression follows), then, if e is a name other than print/exec,
 * reads on from the next token with all its rules, which can find an
 * error further on (or a Python 2 print). Returns 1 if it reported
 * something; the tokens read are read either way. */
int juxta_error(Parser *p)
{
    while (!p->stop && p->probing != PROBE_CLEAN) {
        const Token *t = tok(p);
        Node *e = p->last_expr;
        if (!e || p->last_end != p->idx || !can_start_expr(t->kind))
            return 0;
        int legacy = is_name(e, "print") || is_name(e, "exec");
        Snapshot *snap = NULL;
        if (e->kind == E_NAME) {
            snap = xmalloc(sizeof *snap);
            save_state(p, snap);
        }
        if (!legacy && !starts_with_soft_keyword(e) && !(e->kind == E_NAME && t->kind == T_STRING)) {
            if (probe_clean(p, pe_expression, NULL) && p->prev.level > 0) {
                perr_node(p, e, "invalid syntax. Perhaps you forgot a comma?");
                free(snap);
                return 1;
            }
        }
        if (!snap || p->stop) {
            free(snap);
            return 0;
        }
        restore_state(p, snap);
        free(snap);
        if (!probe(p, pe_star_expressions, NULL))
            return p->stop;
        if (legacy) {
            perr_node(p, e, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                      e->name, e->name);
            return 1;
        }
    }
    return p->stop;
}

void syntax_error_at(Parser *p, const Token *tp)
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
        perr(p, DIAG_INDENT, t.err_line, t.err_col,
             t.kind == T_INDENT ? "unexpected indent" : "unexpected unindent");
        p->sh->err_indent = 1;
        return;
    }
    if (tp == tok(p)) {
        /* after an expression CPython reads past a 'not' looking for "not in" */
        int after_expr = p->last_expr && p->last_end == p->idx;
        if (t.kind == T_NOT && after_expr && peek(p, 1)->kind != T_IN)
            t = *peek(p, 1);
        if (juxta_error(p) || p->stop)
            return;
    }
    if (p->probing) {
        p->stop = 1; /* a plain "invalid syntax" only ends a probe */
        return;
    }
    perr(p, DIAG_SYNTAX, t.err_line, t.err_col, "invalid syntax");
}

void syntax_error(Parser *p) { syntax_error_at(p, tok(p)); }

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
            perr_1(p, f.n->line, f.n->col, "too many nested expressions");
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
static void finish_error(Parser *p, Lexer *lx)
{
    Shared *sh = p->sh;
    if (!sh->err_final) {
        /* second pass: a Python 2 print statement earlier on is reported
         * first; on the same line only if nothing more specific was found */
        if (!sh->err_pass1 && sh->legacy &&
            (sh->legacy_line < sh->err.line || strcmp(sh->err.msg, "invalid syntax") == 0)) {
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
        Node *e = pe_star_expressions(&p);
        if (e) {
            while (accept(&p, T_NEWLINE))
                ;
            if (!at(&p, T_ENDMARKER))
                syntax_error(&p);
            Node *s = mk_at(&p, S_EXPR, e);
            s->a = e;
            end_at(s, e);
            vec_push(&p, &body, s);
        }
    } else {
        ps_file(&p, &body);
    }
    if (sh.err.set)
        finish_error(&p, &lx);
    else
        check_depth(&p, vec_list(&body));
    if (!sh.err.set)
        check_tree(&p, vec_list(&body));
    names_free(sh.names);
    const Diag *e = sh.err.set ? &sh.err : sh.late.set ? &sh.late : NULL;
    if (e) {
        diag_set(d, e->kind, e->line, e->col < 1 ? 1 : e->col, "%s", e->msg);
        ast_free(ast);
        return NULL;
    }
    ast->body = vec_list(&body);
    return ast;
}

Ast *parse_program(const char *src, size_t len, Diag *d) { return run(src, len, d, 0); }

Ast *parse_expression(const char *src, size_t len, Diag *d) { return run(src, len, d, 1); }
