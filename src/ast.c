/* ast: freeing a tree and naming its node kinds. */
#include "ast.h"

#include <stdlib.h>

void ast_free(Ast *ast)
{
    if (!ast)
        return;
    arena_free(ast->arena);
    free(ast);
}

/* In the order of NodeKind (ast.h). */
static const char *const kind_names[NODE_KIND_COUNT] = {
    [E_NAME] = "E_NAME", [E_INT] = "E_INT", [E_BIGINT] = "E_BIGINT",
    [E_FLOAT] = "E_FLOAT", [E_STR] = "E_STR", [E_NONE] = "E_NONE",
    [E_TRUE] = "E_TRUE", [E_FALSE] = "E_FALSE", [E_FSTRING] = "E_FSTRING",
    [E_FORMATTED] = "E_FORMATTED", [E_BINOP] = "E_BINOP", [E_UNARY] = "E_UNARY",
    [E_BOOLOP] = "E_BOOLOP", [E_COMPARE] = "E_COMPARE", [E_IFEXP] = "E_IFEXP",
    [E_CALL] = "E_CALL", [E_KEYWORD] = "E_KEYWORD", [E_STARRED] = "E_STARRED",
    [E_ATTR] = "E_ATTR", [E_SUBSCRIPT] = "E_SUBSCRIPT", [E_SLICE] = "E_SLICE",
    [E_LIST] = "E_LIST", [E_TUPLE] = "E_TUPLE", [E_SET] = "E_SET",
    [E_DICT] = "E_DICT", [E_LISTCOMP] = "E_LISTCOMP", [E_SETCOMP] = "E_SETCOMP",
    [E_GENEXP] = "E_GENEXP", [E_DICTCOMP] = "E_DICTCOMP", [E_COMPFOR] = "E_COMPFOR",
    [E_LAMBDA] = "E_LAMBDA", [E_PARAM] = "E_PARAM",
    [S_EXPR] = "S_EXPR", [S_ASSIGN] = "S_ASSIGN", [S_AUGASSIGN] = "S_AUGASSIGN",
    [S_DEL] = "S_DEL", [S_PASS] = "S_PASS", [S_BREAK] = "S_BREAK",
    [S_CONTINUE] = "S_CONTINUE", [S_IF] = "S_IF", [S_WHILE] = "S_WHILE",
    [S_FOR] = "S_FOR", [S_DEF] = "S_DEF", [S_RETURN] = "S_RETURN",
    [S_CLASS] = "S_CLASS", [S_GLOBAL] = "S_GLOBAL", [S_NONLOCAL] = "S_NONLOCAL",
    [S_IMPORT] = "S_IMPORT", [S_IMPORTFROM] = "S_IMPORTFROM", [E_ALIAS] = "E_ALIAS",
    [S_ASSERT] = "S_ASSERT", [S_RAISE] = "S_RAISE", [S_TRY] = "S_TRY",
    [S_HANDLER] = "S_HANDLER", [S_WITH] = "S_WITH",
};

const char *ast_kind_name(NodeKind kind)
{
    if ((int)kind < 0 || kind >= NODE_KIND_COUNT || !kind_names[kind])
        return "?";
    return kind_names[kind];
}
