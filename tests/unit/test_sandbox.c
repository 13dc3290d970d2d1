/* Unit tests for sandbox.c: reach, limits, messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <lauxlib.h>

#include "readykit/sandbox.h"

typedef struct Chunk {
    const char *src;
    const char *name;
    const char *context; /* set during the run, when not NULL */
    char result[256]; /* tostring of the chunk's first result */
} Chunk;

/* Run c->src in a fresh environment; keep its first result as text. */
static int run_chunk(lua_State *L)
{
    Chunk *c = lua_touserdata(L, 1);
    if (c->context)
        rk_sandbox_set_context(rk_sandbox_from(L), c->context);
    rk_sandbox_push_env(L);
    rk_sandbox_load(L, c->src, strlen(c->src), c->name ? c->name : "@t.lua", -1);
    lua_call(L, 0, 1);
    const char *s = lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER
                        ? lua_tostring(L, -1)
                        : lua_type(L, -1) == LUA_TBOOLEAN ? (lua_toboolean(L, -1) ? "true" : "false")
                                                          : luaL_typename(L, -1);
    snprintf(c->result, sizeof c->result, "%s", s);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static RkSandbox *new_sb(size_t mem, unsigned long long instr, double secs)
{
    RkSandboxLimits lim = {mem, instr, secs, false};
    RkSandbox *sb = NULL;
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_sandbox_new(&lim, &sb, &d), RK_OK);
    rk_sandbox_set_file(sb, "t.lua");
    return sb;
}

static RkStatus run(RkSandbox *sb, const char *src, Chunk *c, RkDiag *d)
{
    memset(c, 0, sizeof *c);
    c->src = src;
    rk_diag_init(d);
    return rk_sandbox_run(sb, run_chunk, c, d);
}

static void expect_ok(RkSandbox *sb, const char *src, const char *want)
{
    Chunk c;
    RkDiag d;
    if (run(sb, src, &c, &d) != RK_OK)
        fail_msg("%s: unexpected error: %s:%d: %s", src, d.file, d.line, d.message);
    assert_string_equal(c.result, want);
}

/* Expect an error whose message contains want, at file:line when line>0. */
static void expect_err(RkSandbox *sb, const char *src, int line, const char *want)
{
    Chunk c;
    RkDiag d;
    double t0 = now();
    RkStatus s = run(sb, src, &c, &d);
    if (s != RK_EDATA)
        fail_msg("%s: wanted an error, got status %d (%s)", src, s, c.result);
    if (!strstr(d.message, want))
        fail_msg("%s: wanted '%s' in '%s'", src, want, d.message);
    if (line > 0) {
        assert_string_equal(d.file, "t.lua");
        assert_int_equal(d.line, line);
    }
    assert_true(now() - t0 < 2.0);
}

static void runs_plain_lua(void **state)
{
    (void)state;
    RkSandbox *sb = new_sb(0, 0, 0);
    expect_ok(sb, "local t = {} for i = 1, 10 do t[#t + 1] = i end return table.concat(t, ',')",
              "1,2,3,4,5,6,7,8,9,10");
    expect_ok(sb, "return ('%d-%s'):format(3, 'x') .. string.upper('a') .. math.floor(2.5)", "3-xA2");
    expect_ok(sb, "return utf8.len('été')", "3");
    expect_ok(sb, "return select('#', pcall(error, 'x'))", "2");
    expect_ok(sb, "local ok, e = pcall(error, 'boom', 0) return e", "boom");
    expect_ok(sb, "return xpcall(function() error('x') end, function(m) return 'handled' end)", "false");
    expect_ok(sb, "helper = 1 return helper", "1");
    /* an empty string repeated 10^18 times is "" at once, not a C loop */
    expect_ok(sb, "return #(''):rep(1e18) .. #('ab'):rep(3, '')", "06");
    rk_sandbox_free(sb);
}

static void closes_the_doors(void **state)
{
    (void)state;
    RkSandbox *sb = new_sb(0, 0, 0);
    const char *names[] = {"io", "os", "require", "package", "debug", "dofile", "loadfile",
                           "collectgarbage", "coroutine", "print"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char src[128];
        snprintf(src, sizeof src, "\nlocal x = %s", names[i]);
        expect_err(sb, src, 2, "not available in rule files");
    }
    expect_ok(sb, "return tostring(string.dump)", "nil");
    expect_ok(sb, "return tostring(('').dump)", "nil");
    expect_ok(sb, "return tostring(math.random)", "nil");
    expect_ok(sb, "return tostring(getmetatable(''))", "false");
    expect_err(sb, "getmetatable('').__index.upper = nil", 1, "attempt to index");
    expect_ok(sb, "return getmetatable(_ENV)", "false");
    expect_err(sb, "return wieght", 1, "unknown global 'wieght'");
    expect_err(sb, "return strng.upper('x')", 1, "did you mean 'string'");
    /* bytecode never loads, text does (in the caller's environment) */
    expect_ok(sb, "return (load('\\27Lua', 'x', 'b'))", "nil");
    expect_ok(sb, "return select(2, load('\\27Lua'))", "attempt to load a binary chunk (mode is 't')");
    expect_ok(sb, "y = 41 return load('return y + 1')()", "42");
    expect_err(sb, "setmetatable({}, {__gc = function() while true do end end})", 1,
               "__gc metamethods are not allowed");
    expect_err(sb, "rawset(_ENV, 'x', 1) return x + nil", 1, "arithmetic");
    expect_err(sb, "local e = setmetatable({}, {__index = _ENV}) return load('return io', 'x', 't', e)()",
               0, "not available");
    rk_sandbox_free(sb);
}

static void environments_are_separate(void **state)
{
    (void)state;
    RkSandbox *sb = new_sb(0, 0, 0);
    expect_ok(sb, "string.rep = nil table.concat = nil shared = 1 return 'x'", "x");
    expect_ok(sb, "return string.rep('a', 3) .. table.concat({'b'}) .. tostring(rawget(_ENV, 'shared'))",
              "aaabnil");
    rk_sandbox_free(sb);
}

static void budget_stops_loops(void **state)
{
    (void)state;
    RkSandbox *sb = new_sb(0, 1000000, 5);
    expect_err(sb, "local x = 0\nwhile true do\n x = x + 1\nend", 0,
               "instruction budget of 1000000 exceeded");
    /* a pcall inside a loop cannot swallow it */
    expect_err(sb, "for i = 1, 1e9 do pcall(function() while true do end end) end", 1,
               "instruction budget");
    expect_err(sb, "while true do xpcall(function() while true do end end, function() return 1 end) end",
               1, "instruction budget");
    /* a long error handler inside xpcall */
    expect_err(sb, "xpcall(error, function() while true do end end) return 1", 1,
               "instruction budget");
    /* the state is usable afterwards, with a fresh budget */
    expect_ok(sb, "local n = 0 for i = 1, 1000 do n = n + i end return n", "500500");
    rk_sandbox_free(sb);
}

static void memory_cap_holds(void **state)
{
    (void)state;
    RkSandbox *sb = new_sb(4u << 20, 0, 0);
    expect_err(sb, "\nlocal s = ('x'):rep(1e9)", 2, "memory limit of 4 MiB exceeded");
    expect_err(sb, "local ok = pcall(string.rep, 'x', 1e8) return ok", 1, "memory limit");
    expect_err(sb, "local t = {} for i = 1, 1e8 do t[i] = i end", 0, "memory limit");
    expect_err(sb, "local s = 'x' for i = 1, 40 do s = s .. s end", 0, "memory limit");
    expect_err(sb, "local t = {} for i = 1, 1e7 do t[i] = 'abcdefgh' end return table.concat(t)", 0,
               "memory limit");
    expect_err(sb, "local t = {} while true do pcall(function() t[#t + 1] = {} end) end", 0,
               "limit");
    expect_ok(sb, "return #('x'):rep(1000)", "1000");
    assert_true(rk_sandbox_memory_peak(sb) <= (4u << 20) + (512u << 10));
    rk_sandbox_free(sb);
}

static void soft_deadline_stops_lua(void **state)
{
    (void)state;
    RkSandbox *sb = new_sb(0, 1ULL << 60, 0.2);
    expect_err(sb, "while true do end", 1, "time limit of 0.2 s exceeded");
    rk_sandbox_free(sb);
}

/* A pathological pattern never reaches a hook: the hard deadline must end
   the process with status 65 and a message naming the file. */
static void hard_deadline_ends_pattern_bombs(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    double t0 = now();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* the run comes back with the error (the state is abandoned) */
        RkSandbox *sb = new_sb(0, 0, 0.3);
        rk_sandbox_set_file(sb, "bomb.lua");
        Chunk c;
        RkDiag d;
        RkStatus s = run(sb, "return ('a'):rep(200):find('.-.-.-.-.-b')", &c, &d);
        char line[600];
        int n = snprintf(line, sizeof line, "%s: %s", d.file, d.message);
        ssize_t w = write(fds[1], line, n > 0 ? (size_t)n : 0);
        (void)w;
        _exit(s == RK_EDATA ? 0 : 1);
    }
    close(fds[1]);
    /* a hard deadline that does not work would leave the child matching
       for hours: stop waiting after 20 s and say so */
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (now() - t0 > 20.0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            fail_msg("the hard deadline did not end a pattern bomb within 20 s");
        }
        nanosleep(&(struct timespec){0, 10000000}, NULL);
    }
    char buf[512] = "";
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    buf[n > 0 ? n : 0] = '\0';
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_non_null(strstr(buf, "bomb.lua: time limit of 0.3 s exceeded (a long call"));
    assert_true(now() - t0 < 1.5);
}

static void error_objects_and_positions(void **state)
{
    (void)state;
    RkSandbox *sb = new_sb(0, 0, 0);
    expect_err(sb, "\n\nerror({})", 3, "(error object is a table value)");
    expect_err(sb, "error(setmetatable({}, {__tostring = function() while true do end end}))", 1,
               "error object is a table");
    expect_err(sb, "local function f()\n  local x = nil + 1\nend\nf()", 2, "arithmetic");
    Chunk c;
    RkDiag d;
    run(sb, "local function inner()\n  error('deep')\nend\nlocal function outer() inner() end\nouter()",
        &c, &d);
    assert_int_equal(d.line, 2);
    assert_non_null(strstr(d.message, "deep"));
    assert_non_null(strstr(d.message, "t.lua:4:")); /* the traceback */
    expect_err(sb, "return 1 +", 1, "unexpected symbol");
    /* the context set during a run names what was being scored, in errors
       and limits alike; each run starts without one */
    memset(&c, 0, sizeof c);
    c.src = "\nerror('ctx')";
    c.context = "question x";
    rk_diag_init(&d);
    assert_int_equal(rk_sandbox_run(sb, run_chunk, &c, &d), RK_EDATA);
    assert_int_equal(d.line, 2);
    assert_non_null(strstr(d.message, "ctx (while scoring question x)"));
    expect_err(sb, "error('plain')", 1, "plain\n");
    rk_sandbox_free(sb);
    sb = new_sb(0, 100000, 0);
    memset(&c, 0, sizeof c);
    c.src = "while true do end";
    c.context = "question y";
    rk_diag_init(&d);
    assert_int_equal(rk_sandbox_run(sb, run_chunk, &c, &d), RK_EDATA);
    assert_non_null(strstr(d.message, "instruction budget of 100000 exceeded (while scoring question y)"));
    rk_sandbox_free(sb);
}

/* The lua-language-server definitions parse as Lua and declare every rk
   function the engine gives rule files. */
static void definitions_file_is_complete(void **state)
{
    (void)state;
    const char *path = "scripts/types/readykit.d.lua";
    lua_State *L = luaL_newstate();
    assert_int_equal(luaL_loadfilex(L, path, "t"), LUA_OK);
    lua_close(L);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    const char *fns[] = {"finding", "indicator", "cap", "answer", "get", "question", "text", "log"};
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
        char want[64];
        snprintf(want, sizeof want, "function rk.%s(", fns[i]);
        if (!strstr(text, want))
            fail_msg("%s does not declare %s", path, want);
    }
    assert_non_null(strstr(text, "---@meta"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(runs_plain_lua),
        cmocka_unit_test(closes_the_doors),
        cmocka_unit_test(environments_are_separate),
        cmocka_unit_test(budget_stops_loops),
        cmocka_unit_test(memory_cap_holds),
        cmocka_unit_test(soft_deadline_stops_lua),
        cmocka_unit_test(hard_deadline_ends_pattern_bombs),
        cmocka_unit_test(error_objects_and_positions),
        cmocka_unit_test(definitions_file_is_complete),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
