"""What the compiler leaves out: dead branches, runtime calls a few word
stores or a constant can replace, calls gc makes instructions of.

The differential programs (tests/testdata/progs) check that these programs
behave as under Go; this checks the generated Python for the shapes that
make them cheap, so that a change which keeps the behaviour but loses the
shape is noticed. It reads the modules from the test session's compile
cache.
"""

from __future__ import annotations

import glob
import os
import re

import pytest

from tests.difftest import ROOT, gort_cache, run_gort

PROGS = os.path.join(ROOT, "tests", "testdata", "progs")


def _module_defining(*fns: str) -> str:
    """The text of the cached module that defines every Python function of fns
    (more than one where programs share a function name)."""
    pats = [re.compile(rf"^def {re.escape(fn)}\(", re.M) for fn in fns]
    for path in glob.glob(os.path.join(gort_cache(), "*", "*.py")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if all(pat.search(text) for pat in pats):
            return text
    raise AssertionError(f"no compiled module defines {', '.join(fns)}")


def _module_with_string(lit: bytes) -> str:
    """The text of the cached module whose string table holds lit."""
    for path in glob.glob(os.path.join(gort_cache(), "*", "*.py")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if repr(lit) in text:
            return text
    raise AssertionError(f"no compiled module has the string {lit!r}")


def _function(text: str, fn: str) -> str:
    """The source of function fn in a compiled module's text."""
    m = re.search(rf"^def {re.escape(fn)}\(.*?(?=^\S)", text, re.M | re.S)
    assert m is not None, fn
    return m.group(0)


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    for prog in ("deadcode.go", "smallcopies.go", "loopclosures.go", "constshifts.go", "atomics.go",
                 "staticclosures.go", "deadswitch.go", "opendefers.go", "masks.go", "wrapsides.go",
                 "rangecounter.go", "loopslots.go", "selectslots.go",
                 "closurewords.go", "truthconds.go", "recvexpr.go"):
        r = run_gort(os.path.join(PROGS, prog))
        assert r.rc == 0, r.stderr


def test_dead_branches_are_not_compiled() -> None:
    text = _module_defining("F_deadRecv")  # deadcode.go (deadswitch.go has an F_onlyDeadDefer too)
    f = _function(text, "F_onlyDeadDefer")
    assert "_df" not in f and "try:" not in f, f  # its only defer is dead: no defer frame
    assert "newobject" not in f, f  # r is captured only by the dead closure: a Python local
    assert "<-" not in _function(text, "F_deadRecv") and "yield" not in _function(text, "F_deadRecv")
    main = _function(text, "F_main")
    assert "False and" not in main and "True or" not in main, main
    # sync.WaitGroup.Add: `if race.Enabled { ... defer ... }` costs nothing.
    add = _function(_module_defining("M_WaitGroup__Add"), "M_WaitGroup__Add")
    assert "_df" not in add and "_db" not in add and "if False" not in add, add


def test_dead_switch_clauses_and_loops_are_not_compiled() -> None:
    text = _module_defining("F_goos")
    # switch runtime.GOOS: the default clause alone, in line.
    assert _function(text, "F_goos").strip().count("\n") == 2, _function(text, "F_goos")
    f = _function(text, "F_onlyDeadDefer")
    assert "_df" not in f and "try:" not in f and "eqstring" not in f, f  # no defer frame, no test
    inner = _function(text, "F_deadRecover__func2__func1")  # its recover() is in a dead clause
    assert "gorecover" not in inner and "_deferpanic" not in inner, inner
    loops = _function(text, "F_loops")
    assert "while" not in loops and "never" not in loops, loops
    mixed = _function(text, "F_mixed")
    assert "False" not in mixed.replace("F_probe(gp, S9, False)", "").replace("F_probe(gp, S13, False)", ""), mixed


def test_small_slots_cleared_and_copied_in_line() -> None:
    main = _function(_module_defining("F_fresh"), "F_main")
    # Receive slots of select and small structs: word stores, no calls.
    assert "selectgo" in main
    assert not re.search(r"memclr\(\w+, (8|16|24|32)\)", main), main
    assert not re.search(r"memmove\(\w+, \w+, (8|16|24|32)\)", main), main
    assert "memmove(" in main  # the 40-byte struct still goes through memmove


def test_closure_descriptor_made_once() -> None:
    text = _module_defining("F_counters")
    body, _, _ = text.partition("\nCT0 = closuretype(")
    assert "closuretype(" not in body  # no function calls it
    assert re.search(r"newobject_g\(gp, CT\d+\)", _function(text, "F_counters"))


def test_capture_free_literals_are_static() -> None:
    text = _module_defining("F_fromDefer")
    main = _function(text, "F_main")
    # No allocation for a literal that captures nothing: its static funcval.
    assert "closuretype(8," not in text  # no one-word closure is ever allocated
    assert re.search(r"newproc\(FV_F_main__func6, FID_F_main, \d+, gp\)", main), main
    # A literal called or deferred where it is written is called directly.
    assert "(yield from F_main__func7(gp, FV_F_main__func7, 4, 2))" in main, main
    assert "_df.append((F_fromDefer__func2, (gp, FV_F_fromDefer__func2, ), False))" in _function(text, "F_fromDefer")


def test_constant_shifts_in_line() -> None:
    main = _function(_module_defining("F_bit32"), "F_main")
    assert "shl(" not in main and "shr(" not in main, main


def test_atomics_are_intrinsics() -> None:
    # sync.WaitGroup.Add: wg.state.Add(...) is the word operation itself,
    # not atomic.(*Uint64).Add calling the native calling Xadd64.
    add = _function(_module_defining("M_WaitGroup__Add"), "M_WaitGroup__Add")
    assert "A_.Xadd64(v_wg, " in add and "X_sync_atomic" not in add, add
    # Its result is the whole value of `state := ...`: under the GIL the
    # word operation's body, written out, wrapping only a sum out of range
    # (and the delta, uint64(delta) << 32, is not wrapped on its own).
    assert re.search(r"(_t\d+) = \(v_delta << 32\)\n\s+if A_\.gilAtomic:\n\s+(_aw\d+) = v_wg >> 3\n"
                     r"\s+(_t\d+) = U64\[\2\] \+ \1\n\s+if not 0 <= \3 <= 0xffffffffffffffff: \3 &= 0xffffffffffffffff\n"
                     r"\s+U64\[\2\] = \3\n", add), add
    text = _module_defining("F_embeddedFields")
    assert "from gort.runtime import atomic as A_" in text
    methods = _function(text, "F_methods")
    assert "X_sync_atomic" not in methods and "if not v_c: panicmem()" in methods, methods
    assert "((A_.Xadd32(" in methods and "A_.Cas64(" in methods  # Int32.Add wraps, Uint64.CompareAndSwap
    # A dropped result is not converted; a load is a read of the view.
    funcs = _function(text, "F_funcs")
    assert re.search(r"^\s+A_\.Or32\(v_u32, 256\)$", funcs, re.M), funcs
    assert "I32[v_i32 >> 2]" in funcs
    # Still calls: a method value, a method expression, a deferred call.
    assert "X_sync_atomic__M_Int64__Add" in _function(text, "F_notIntrinsics")


def test_open_coded_defers() -> None:
    text = _module_defining("F_lockedInc")
    # mu.Lock(); defer mu.Unlock(): a flag, then the call made at the return;
    # the runtime's list only when an exception is in flight.
    f = _function(text, "F_lockedInc")
    assert "_df" not in f and "_db0 = True" in f, f
    # (Every return comes after the defer statement: its flag is set there, not tested.)
    assert re.search(r"try:\n\s+_db0 = False\n\s+yield from X_sync__M_Mutex__Unlock\(gp, G_mu\)\n", f), f
    assert re.search(r"else:\n\s+return\n", f), f  # the calls made: return without testing _exc again
    early = _function(text, "F_earlyReturn")  # a return before the second defer: its flag is tested
    assert re.search(r"if _db1:\n\s+_db1 = False\n", early) and "if _db0:\n" not in early, early
    normal = f.partition("if _exc is None:")[2].partition("except")[0]
    assert "rundefers" not in normal and "append" not in normal, normal
    assert "rundefers_g(gp, [(X_sync__M_Mutex__Unlock, (gp, G_mu, ), False)], _exc)" in f, f
    # Plain functions deferring plain calls stay plain; operands are saved at the defer.
    plain = _function(text, "F_plainPanicking")
    assert "yield" not in plain and "rundefers(gp, _df, _exc)" in plain, plain
    assert "_dv1_1 = newobject_g(gp, T" in plain and "F_plainInc(gp, _dv1_1)" in plain, plain
    # A defer in a loop: the list, as before.
    assert "_df.append(" in _function(text, "F_inLoop")
    # A nil func value panics when the call would run, not at the defer.
    nil = _function(text, "F_nilFunc")
    assert re.search(r"_db1 = False\n\s+if not v_f: panicmem\(\)\n\s+yield from FUNCTAB\[U64\[v_f >> 3\]\]", nil), nil
    # Operands that cannot change are used as they are; a named result is not one of them.
    assert "X_sync__M_WaitGroup__Done(gp, v_wg)" in _function(text, "F_parking__func1")
    result = _function(text, "F_resultArg")
    assert "_dv0_2 = v_r\n" in result and "_dv0_3 = v_n\n" in result, result


def test_masks_only_where_a_value_may_leave_its_range() -> None:
    text = _module_defining("F_unsigned")
    f = _function(text, "F_unsigned")
    for line in ("v_a = (v_x & 2147483648)\n", "v_b = (v_x & 2147483647)\n", "v_c = (v_x >> 40)\n",
                 "v_g = ((v_x & 0xff) << 24)\n", "v_n = ((v_x & 65535) * (v_x & 65535))\n",
                 "v_i = (((v_x >> 1) & 6148914691236517205) + (v_x & 6148914691236517205))\n"):
        assert line in f, (line, f)
    # Kept: a uint8 of a 9-bit value, a shift past 32 bits, a sum that may overflow.
    assert "v_d = ((v_x & 511) & 0xff)\n" in f and "v_h = (((v_x & 0xff) << 25) & 0xffffffff)\n" in f, f
    assert "v_p = (((v_x & 15) - 7) & 0xffffffffffffffff)\n" in f, f
    signed = _function(text, "F_signed")
    assert "v_a = (v_x & 255)\n" in signed and "v_c = (v_x & 127)\n" in signed, signed
    # int8(x & 0xff) can only rise past 127: one bound tested (wrapsides.go has more).
    assert "if v_d > 127:" in signed and "if not -128 <= v_i <= 127:" in signed, signed
    add = _function(_module_defining("M_WaitGroup__Add"), "M_WaitGroup__Add")
    assert "v_w = (v_state_2 & 2147483647)\n" in add and "if (((v_state_2 & 2147483648)) and (not v_bubbled)):" in add, add


def test_wraps_test_the_bounds_a_value_can_cross() -> None:
    text = _module_defining("F_incs")
    f = _function(text, "F_incs")
    for line in ("if v_a > 9223372036854775807:", "if v_b < -9223372036854775808:",  # ++, --
                 "if v_c > 9223372036854775807:", "if v_d < -9223372036854775808:",  # += 5, -= 5
                 "if not -9223372036854775808 <= v_e <= 9223372036854775807:",  # += x
                 "if v_h > 9223372036854775807:", "if v_i < -9223372036854775808:"):  # -= -7, += -7
        assert line in f, (line, f)
    sq = _function(text, "F_squares")
    assert "if v_a > 9223372036854775807:" in sq and "if v_c > 127:" in sq, sq  # x * x
    assert "if not -9223372036854775808 <= v_d <= 9223372036854775807:" in sq, sq  # x * (x + 1)
    sh = _function(text, "F_convShifts")  # T(y) << k: one wrap, after the shift
    assert "v_a = ((v_x << 32) & 0xffffffffffffffff)\n" in sh and "v_c = (v_x << 5)\n" in sh, sh
    conv = _function(text, "F_conversions")
    assert "if v_a > 2147483647:" in conv and "if not -2147483648 <= v_c <= 2147483647:" in conv, conv


def test_range_key_counts_the_iterations() -> None:
    f = _function(_module_defining("F_n"), "F_main")  # rangecounter.go
    # for i := range n(): i is the counter, and i's sum needs only the upper test.
    assert re.search(r"\n(\s+)v_i = 0\n\1while v_i < \w+:\n", f), f
    assert "if v_s > 9223372036854775807:" in f, f
    assert re.search(r"if \(v_i == 1\):\n\s+v_i \+= 1\n\s+continue\n", f), f  # continue counts too
    # The body assigns i: a hidden counter copied into it.
    assert re.search(r"while _i\d+ < 5:\n\s+v_i_\d+ = _i\d+\n", f), f


def test_slot_addresses_are_computed_before_the_loops() -> None:
    f = _function(_module_defining("F_deep", "F_mk", "F_main__func1"), "F_main")  # loopslots.go (stackgrow.go and stackslots.go have an F_deep too)
    head, _, loop = f.partition("while v_round < 3:")
    assert re.search(r"_a\d+ = _sp \+ 8\n", head) and not re.search(r"_a\d+ = _sp \+", loop.partition("X_fmt__F_Println")[0]), f



def test_select_slots_without_pointers_are_not_cleared() -> None:
    f = _function(_module_with_string(b"closed, stale:"), "F_main")  # selectslots.go
    # A point (no pointers) goes to a slot nobody clears; a *point's slot is cleared.
    m = re.search(r"selectgo\(\(\(v_a, (_a\d+)\), \(v_b, (_a\d+)\)", f)
    assert m is not None and f"U64[{m.group(1)} >> 3] =" not in f and f"I64[{m.group(2)} >> 3] =" not in f, f
    # The ok of `case p, ok := <-a` is the select's own result (nothing assigns or captures it).
    assert re.search(r"if \(_ok\d+ or \(v_v_\d+\)\):", f), f  # case v, ok := <-b: if ok || v != 0
    m = re.search(r"selectgo\(\(\(v_e, (_a\d+)\)", f)
    assert m is not None and f"U64[{m.group(1)} >> 3] = 0\n" in f, f


def test_range_over_channel_tests_one_result_when_it_receives() -> None:
    # for v := range res (chan int): tryrecv returns the value, straight into v;
    # only a receive that parks goes through the frame slot.
    f = _function(_module_defining("F_deep", "F_mk", "F_main__func1"), "F_main__func1")  # loopslots.go
    assert re.search(r"if \(v_v := tryrecv\(v_res, 0, True, gp\)\) is None:\n\s+"
                     r"if not \(yield from chanrecvpark\(v_res, (_a\d+), gp\)\): break\n\s+"
                     r"v_v = I64\[\1 >> 3\]\n", f), f


def test_numeric_channel_elements_pass_by_value() -> None:
    f = _function(_module_defining("F_deep", "F_mk", "F_main__func1"), "F_main")  # loopslots.go
    # res <- q.a: the value itself; it is stored in a slot only to park.
    assert re.search(r"if not trysend\(v_res, (_t\d+), True, gp\):\n\s+I64\[(_a\d+) >> 3\] = \1\n\s+"
                     r"yield from chansendpark\(v_res, \2, gp\)\n", f), f
    # total += <-res
    assert re.search(r"if \((_t\d+) := tryrecv\(v_res, 0, True, gp\)\) is None:\n\s+"
                     r"yield from chanrecvpark\(v_res, (_a\d+), gp\)\n\s+\1 = I64\[\2 >> 3\]\n", f), f
    # A struct element still goes by address.
    assert re.search(r"if not trysend\(v_ch, (_a\d+), True, gp\): yield from chansendpark\(v_ch, \1, gp\)\n", f), f


def test_closure_words_by_index() -> None:
    text = _module_defining("F_makers")  # closurewords.go
    # Made: the funcval's word index once, a slice unpacked into three words.
    mk = _function(text, "F_makers")
    assert re.search(r"(_fw\d+) = _t\d+ >> 3\n\s+U64\[\1\] = FID_F_makers__func1\n", mk), mk
    assert re.search(r"U64\[(_fw\d+) \+ 5\], I64\[\1 \+ 6\], I64\[\1 \+ 7\] = v_sl\n", mk), mk
    # Called: the captures loaded from ctx's word index; a bool and narrow ints by byte address.
    f = _function(text, "F_makers__func1")
    assert "_cw = ctx >> 3\n" in f and "v_sl = (U64[_cw + 5], I64[_cw + 6], I64[_cw + 7])\n" in f, f
    assert "v_b = (U8[(ctx + 16)] != 0)\n" in f and "v_counter = U64[_cw + 1]\n" in f, f
    assert "_cw" not in _function(text, "F_one__func1")  # one capture: not worth it


def test_conditions_test_truth_not_comparisons_with_zero() -> None:
    f = _function(_module_with_string(b"odd-lowzero "), "F_main")  # truthconds.go
    for line in ("if (v_x):", "if (not v_x):", "if (((v_x & 1)) and (not v_u)):", "while (v_q):",
                 "if ((((v_ch) and (v_m)) and (v_f)) and (v_up)):"):
        assert line in f, (line, f)
    # As values, comparisons stay bools.
    assert "v_b = (v_x != 0)\n" in f and "v_c = ((v_x == 0) and (v_u == 0))\n" in f, f


def test_select_without_default_takes_its_last_case_untested() -> None:
    f = _function(_module_with_string(b"closed, stale:"), "F_main")  # selectslots.go
    m = re.search(r"(_ci\d+), _ok\d+ = yield from selectgo\(.*, 1, 2, True\)\n", f)  # a send, two receives
    assert m is not None, f
    ci = m.group(1)
    assert f"if {ci} == 0:" in f and f"elif {ci} == 1:" in f and f"{ci} == 2" not in f, f


def test_received_word_is_read_where_it_is_used() -> None:
    f = _function(_module_defining("F_pair", "F_grow"), "F_main")  # recvexpr.go (selectlockorder.go has an F_pair too)
    # An int passes by value: tryrecv returns it (only a receive that parks reads the slot).
    assert re.search(r"if \((_t\d+) := tryrecv\(v_ch, 0, True, gp\)\) is None:\n\s+"
                     r"yield from chanrecvpark\(v_ch, (_a\d+), gp\)\n\s+\1 = I64\[\2 >> 3\]\n\s+"
                     r"v_sum = v_sum \+ \1\n", f), f
    assert not re.search(r"\n\s+I64\[_a\d+ >> 3\]\n", f), f  # a dropped value is not read
