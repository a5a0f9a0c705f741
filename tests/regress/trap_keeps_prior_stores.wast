;; Found by scripts/fuzz-diff (2026-12-02): compiled code lost a global.set made before a store
;; that faulted out of bounds. LLVM, told that a store never traps, folded the two decrements
;; of $g into one after the faulting store (and, in a loop, sank the first past it), so the
;; trap left $g as if the function had not run. A trap must leave memory and globals exactly
;; as they were at the faulting instruction: later calls see them.
(module
  (memory 1)
  (global $g (mut i32) (i32.const 100))
  (func (export "global_then_faulting_store")
    (global.set $g (i32.sub (global.get $g) (i32.const 1)))
    (i32.store (i32.const 70000) (i32.const 1))
    (global.set $g (i32.sub (global.get $g) (i32.const 1))))
  ;; The fuzzer's shape: a v128 store faults, then a loop would decrement $g to zero.
  (func (export "global_then_faulting_v128_store_then_loop")
    (global.set $g (i32.sub (global.get $g) (i32.const 1)))
    (v128.store offset=22 (i32.const -32658) (v128.const i64x2 1 2))
    (loop $l
      (global.set $g (i32.sub (global.get $g) (i32.const 1)))
      (br_if $l (global.get $g))))
  (func (export "global_then_faulting_load") (result i32)
    (global.set $g (i32.sub (global.get $g) (i32.const 1)))
    (drop (i32.load (i32.const 70000)))
    (global.set $g (i32.sub (global.get $g) (i32.const 1)))
    (global.get $g))
  ;; Linear memory: the first store must be there after the fault, the last one must not.
  (func (export "store_then_faulting_store")
    (i32.store (i32.const 8) (i32.const 1))
    (i32.store8 (i32.const 65536) (i32.const 2))
    (i32.store (i32.const 8) (i32.const 3)))
  (func (export "store_then_faulting_lane_store")
    (i64.store (i32.const 16) (i64.const 5))
    (v128.store64_lane 1 (i32.const 65530) (v128.const i64x2 7 8))
    (i64.store (i32.const 16) (i64.const 6)))
  (func (export "g") (result i32) (global.get $g))
  (func (export "load32") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "load64") (param i32) (result i64) (i64.load (local.get 0))))
(assert_trap (invoke "global_then_faulting_store") "out of bounds memory access")
(assert_return (invoke "g") (i32.const 99))
(assert_trap (invoke "global_then_faulting_v128_store_then_loop") "out of bounds memory access")
(assert_return (invoke "g") (i32.const 98))
(assert_trap (invoke "global_then_faulting_load") "out of bounds memory access")
(assert_return (invoke "g") (i32.const 97))
(assert_trap (invoke "store_then_faulting_store") "out of bounds memory access")
(assert_return (invoke "load32" (i32.const 8)) (i32.const 1))
(assert_trap (invoke "store_then_faulting_lane_store") "out of bounds memory access")
(assert_return (invoke "load64" (i32.const 16)) (i64.const 5))
