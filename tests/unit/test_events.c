/* The event stream's recorder ring (what the history will read) and the
 * stable text form of --trace. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ev.h"
#include "obj.h"

static Obj fake(uint64_t addr, int64_t rc)
{
    Obj o = {.refcnt = rc, .addr = addr, .kind = K_LIST};
    return o;
}

static void teardown(void) { ev_shutdown(); }

START_TEST(ring_keeps_the_newest_events_in_order)
{
    ev_record_start(4);
    Owner w = OWNER(OWN_NAME, 0, 1, "a");
    for (int i = 1; i <= 6; i++) {
        Obj o = fake(0x1000 + (uint64_t)i * 16, i);
        ev_ring_ref(EV_INCREF, &o, &w, NULL);
    }
    ck_assert_uint_eq(ev_count(), 6);
    ck_assert_ptr_null(ev_record_get(1)); /* overwritten */
    ck_assert_ptr_null(ev_record_get(2));
    ck_assert_ptr_null(ev_record_get(7)); /* not made yet */
    for (uint64_t seq = 3; seq <= 6; seq++) {
        const EvRecord *r = ev_record_get(seq);
        ck_assert_ptr_nonnull(r);
        Event e;
        ev_record_event(r, &e);
        ck_assert_uint_eq(e.addr, 0x1000 + seq * 16);
        ck_assert_int_eq(e.value, (int64_t)seq);
        ck_assert_str_eq(e.owner.name, "a");
        ck_assert_int_eq(e.owner.kind, OWN_NAME);
        ck_assert_uint_eq(e.owner.index, 1);
    }
}
END_TEST

START_TEST(record_converts_back_to_an_event)
{
    ev_record_start(8);
    Obj o = fake(0x2000, 3);
    Owner from = OWNER(OWN_STACK, 5, 2, NULL), to = OWNER(OWN_SLOT, 0x3000, 1, NULL);
    ev_line = 42;
    ev_ring_ref(EV_MOVE, &o, &to, &from);
    Event e;
    ev_record_event(ev_record_get(1), &e);
    ck_assert_int_eq(e.kind, EV_MOVE);
    ck_assert_uint_eq(e.addr, 0x2000);
    ck_assert_int_eq(e.value, 3);
    ck_assert_int_eq(e.owner.kind, OWN_SLOT);
    ck_assert_uint_eq(e.owner.addr, 0x3000);
    ck_assert_int_eq(e.owner.index, 1);
    ck_assert_int_eq(e.from.kind, OWN_STACK);
    ck_assert_uint_eq(e.from.addr, 5);
    ck_assert_int_eq(e.from.index, 2);
    ck_assert_uint_eq(e.line, 42);
    ck_assert_int_eq(e.okind, o.kind);
    ev_line = 0;
}
END_TEST

static char *printed(const Event *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ev_print(f, 7, e);
    fclose(f);
    return buf;
}

START_TEST(trace_lines_have_the_documented_form)
{
    Event inc = {.kind = EV_INCREF, .line = 3, .addr = 0x7f00, .value = 2, .tname = "list",
                 .owner = OWNER(OWN_NAME, 0x5000, 0, "b")};
    char *s = printed(&inc);
    ck_assert_str_eq(s, "7 L3 incref list 0x7f00 rc=2 name:b@0x5000\n");
    free(s);
    Event mv = {.kind = EV_MOVE, .line = 1, .addr = 0x7f00, .value = 1, .tname = "list",
                .owner = OWNER(OWN_SLOT, 0x6000, 1, NULL), .from = OWNER(OWN_STACK, 1, 0, NULL)};
    s = printed(&mv);
    ck_assert_str_eq(s, "7 L1 move list 0x7f00 rc=1 stack[0]@1 -> slot[1]@0x6000\n");
    free(s);
    Event out = {.kind = EV_OUTPUT, .line = 2, .text = "hi \"x\"\n", .len = 7};
    s = printed(&out);
    ck_assert_str_eq(s, "7 L2 output \"hi \\\"x\\\"\\n\"\n");
    free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("events");
    TCase *t = tcase_create("recorder");
    tcase_add_checked_fixture(t, NULL, teardown);
    tcase_add_test(t, ring_keeps_the_newest_events_in_order);
    tcase_add_test(t, record_converts_back_to_an_event);
    tcase_add_test(t, trace_lines_have_the_documented_form);
    suite_add_tcase(s, t);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
