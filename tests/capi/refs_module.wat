;; The module of the C API's reference tests: an object of every exportable kind, a table of
;; functions, a function that traps, and externrefs that wasm passes back or keeps.
(module
  (func $answer (export "answer") (result i32) (i32.const 42))
  (func (export "fail") unreachable)
  (global (export "counter") (mut i32) (i32.const 0))
  (memory (export "memory") 1)
  (table $funcs (export "funcs") 1 funcref)
  (elem (table $funcs) (i32.const 0) func $answer)
  (table $kept 1 externref)
  (func (export "pass") (param externref) (result externref) (local.get 0))
  (func (export "keep") (param externref) (table.set $kept (i32.const 0) (local.get 0)))
)
