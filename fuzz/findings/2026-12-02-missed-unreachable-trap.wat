(module
  (type (;0;) (func))
  (type (;1;) (func (param f64 i32 i32)))
  (type (;2;) (func (result f64)))
  (type (;3;) (func (result f32)))
  (type (;4;) (func (result v128)))
  (type (;5;) (func (result funcref)))
  (type (;6;) (func (param i32 i64) (result v128)))
  (type (;7;) (func (result v128 i32 i64)))
  (type (;8;) (func (param i32 v128 f32)))
  (type (;9;) (func (result i64)))
  (type (;10;) (func (result i32)))
  (type (;11;) (func (result f32 i32 i32 f64)))
  (type (;12;) (func (param externref) (result f32)))
  (type (;13;) (func (result f32 f64)))
  (type (;14;) (func (param i32) (result i32)))
  (type (;15;) (func (result i32 i64 f32 f64 i64)))
  (type (;16;) (func (result v128 i64 v128 i64 i64)))
  (type (;17;) (func (param v128 f64) (result i64)))
  (type (;18;) (func (result externref)))
  (type (;19;) (func (param v128) (result v128)))
  (type (;20;) (func (param externref f32 f32 f64 f32 v128) (result f64)))
  (type (;21;) (func (param f64) (result f64)))
  (type (;22;) (func (param v128) (result f64)))
  (type (;23;) (func (result i64 funcref i32 f32 v128)))
  (type (;24;) (func (param i32)))
  (type (;25;) (func (param i64)))
  (type (;26;) (func (param f32)))
  (type (;27;) (func (param f64)))
  (type (;28;) (func (param v128)))
  (type (;29;) (func (param i32 i32)))
  (type (;30;) (func (param funcref) (result i32)))
  (type (;31;) (func (param i32) (result i64)))
  (type (;32;) (func (param i64 i64) (result i64)))
  (type (;33;) (func (param i64 f64 f32 f32)))
  (type (;34;) (func (param funcref) (result f64 externref f32 externref i32)))
  (type (;35;) (func (result i64 i64 f64 f32 externref)))
  (type (;36;) (func (param f64 f64)))
  (type (;37;) (func (param i32) (result f64)))
  (type (;38;) (func (param i64) (result i32)))
  (type (;39;) (func (param f32 i32 f64 f32 f64 i64) (result f64)))
  (type (;40;) (func (param v128 i32 f64 i32 i64 i64) (result i32)))
  (type (;41;) (func (param i64) (result i64 f64 i64 f64 f64)))
  (type (;42;) (func (param f64 externref) (result f32)))
  (type (;43;) (func (param externref i32 f64 f64 i64 i64 f32 i32) (result i32)))
  (type (;44;) (func (param i64 f32) (result i64)))
  (type (;45;) (func (param i64) (result i64)))
  (type (;46;) (func (param f32) (result v128)))
  (type (;47;) (func (param i64 f64) (result v128)))
  (type (;48;) (func (param i32 externref f32 i32 f64 f64 i64) (result i32 v128)))
  (type (;49;) (func (param i64 i64 f64) (result f32)))
  (type (;50;) (func (param i64 i64 i64) (result f64)))
  (type (;51;) (func (param i64 f32) (result funcref)))
  (type (;52;) (func (param i32 i32) (result i32)))
  (type (;53;) (func (param f32 f32 v128 i64) (result f64 f32)))
  (type (;54;) (func (param i64 i32) (result f32 f32 f32 f64)))
  (type (;55;) (func (param f32 externref f64 v128 f32 i32) (result i64)))
  (type (;56;) (func (param v128) (result i32)))
  (type (;57;) (func (param f32) (result externref i64 funcref v128)))
  (type (;58;) (func (param f64 i32 f64 i32 funcref externref i64 f64) (result f64)))
  (type (;59;) (func (param f64 i64 f32) (result f64)))
  (type (;60;) (func (param f32) (result f32)))
  (type (;61;) (func (result i64 i64 f64 f32 externref)))
  (type (;62;) (func (result i64 f64 i64 f64 f64)))
  (type (;63;) (func (result i32 externref)))
  (import "__fuzz_import" "extern$" (global (;0;) externref))
  (import "fuzzing-support" "log-i32" (func (;0;) (type 24)))
  (import "fuzzing-support" "log-i64" (func (;1;) (type 25)))
  (import "fuzzing-support" "log-f32" (func (;2;) (type 26)))
  (import "fuzzing-support" "log-f64" (func (;3;) (type 27)))
  (import "fuzzing-support" "log-v128" (func (;4;) (type 28)))
  (import "fuzzing-support" "call-export" (func (;5;) (type 29)))
  (import "fuzzing-support" "call-export-catch" (func (;6;) (type 14)))
  (import "fuzzing-support" "call-ref-catch" (func (;7;) (type 30)))
  (func (;8;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    nop)
  (func (;9;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 8)
  (func (;10;) (type 4) (result v128)
    (local i64 v128 f32 i32 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    loop  ;; label = @1
      global.get 16
      i32.eqz
      if  ;; label = @2
        i32.const 100
        global.set 16
        unreachable
      end
      global.get 16
      i32.const 1
      i32.sub
      global.set 16
      loop  ;; label = @2
        global.get 16
        i32.eqz
        if  ;; label = @3
          i32.const 100
          global.set 16
          unreachable
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        ref.null func
        ref.is_null
        i32.const 15
        i32.and
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        v128.store offset=2 align=2
        i32.const -1889191
        i32.const 15
        i32.and
        loop (result f32)  ;; label = @3
          global.get 16
          i32.eqz
          if  ;; label = @4
            i32.const 100
            global.set 16
            unreachable
          end
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          global.get 9
          call 126
        end
        f32.store offset=22 align=1
        local.get 3
        i32.eqz
        br_if 0 (;@2;)
        block (result i64)  ;; label = @3
          ref.func 10
          ref.is_null
          i32.load8_s offset=22
          i32.eqz
          if (result i32)  ;; label = @4
            local.get 4
            block  ;; label = @5
              data.drop 0
              br 3 (;@2;)
            end
            unreachable
          else
            i32.const -13023
            i32.eqz
            br_if 2 (;@2;)
            block (result i32)  ;; label = @5
              local.get 3
              i32.const 15
              i32.and
              i64.load offset=22
              i64.const 32768
              i64.lt_u
              i32.const 15
              i32.and
              i32.load8_s offset=22
              i32.const 7
              i32.rem_u
              local.get 3
              global.get 1
              i32.extend8_s
              i32.const -16566
              if (result i32)  ;; label = @6
                local.get 3
              else
                i32.const -29
              end
              i32.eqz
              br_if 0 (;@5;)
              ref.func 10
              call 7
              select
              call 5
              br 4 (;@1;)
            end
          end
          i32.eqz
          if  ;; label = @4
            loop  ;; label = @5
              global.get 16
              i32.eqz
              if  ;; label = @6
                i32.const 100
                global.set 16
                unreachable
              end
              global.get 16
              i32.const 1
              i32.sub
              global.set 16
              loop (result f64)  ;; label = @6
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                i32.const -23
                f64.load offset=4 align=1
                call 127
              end
              local.get 2
              f64.promote_f32
              call 127
              local.tee 4
              f64.eq
              i32.const 15
              i32.and
              i32.load8_u offset=22
              i32.const 7
              i32.rem_u
              loop (result i32)  ;; label = @6
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                block (result i32)  ;; label = @7
                  i32.const 0
                  ref.func 10
                  table.set 0
                  i32.const 65492
                  f64.const 0x0p+0 (;=0;)
                  drop
                end
              end
              call 5
              nop
            end
          end
          local.get 0
        end
        local.set 0
      end
    end
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    i32.const -16282
    i32.const 15
    i32.and
    v128.load offset=22 align=1
    call 128
    local.get 3
    if (result funcref)  ;; label = @1
      v128.const i32x4 0x00000000 0x40602000 0x00000000 0x403c0000
      return
    else
      nop
      ref.func 10
    end
    ref.is_null
    if  ;; label = @1
      data.drop 0
      v128.const i32x4 0x3b0f00b9 0x0980e34b 0xd9ff710e 0x0000ffa0
      return
    else
      call 10
      call 128
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      local.tee 1
      i8x16.le_u
      call 128
      i8x16.extract_lane_u 3
      local.set 3
      local.get 1
      return
    end
    unreachable)
  (func (;11;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 10
    call 128
    drop
    call 10
    call 128
    drop)
  (func (;12;) (type 3) (result f32)
    (local i32 i32 i32 i32 i32 i32 i32 f32 f32 f32 f32 f32 i64 i64 i64 v128 v128 v128 f64 f64 f64 f64 f64 externref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 8
    call 126)
  (func (;13;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 12
    call 126
    drop
    call 12
    call 126
    drop)
  (func (;14;) (type 31) (param i32) (result i64)
    (local i32 f32 f32 f32 f32 f64 f64 i64 externref externref funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result i64)  ;; label = @1
      global.get 1
      i32.extend8_s
      i32.const 15
      i32.and
      i32.load8_u offset=22
      call 0
      i64.const 9223372036854775807
      i64.const -17622
      local.get 0
      select
    end)
  (func (;15;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const -2147483648
    call 14
    drop)
  (func (;16;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 9
    call 126
    f32.neg
    call 126
    call 2
    i32.const 65534
    call 0)
  (func (;17;) (type 15) (result i32 i64 f32 f64 i64)
    (local f32 f32 i64 i64 i64 f64 v128)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const -23773
    i64.const -8388608
    f32.const -0x1.8p+5 (;=-48;)
    f64.const 0x1.7108p+14 (;=23618;)
    i64.const -4611686018427387905)
  (func (;18;) (type 32) (param i64 i64) (result i64)
    (local f64 f64 f64 f64 f32 v128 v128 i32)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const -65535
    local.tee 1
    local.tee 1)
  (func (;19;) (type 5) (result funcref)
    (local i32 i32 i32 i32 f64 f64 f64 i64 f32 externref funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block  ;; label = @1
      global.get 10
      global.get 10
      i64.shl
      i64.eqz
      local.tee 3
      i32.const 15
      i32.and
      i32.load8_s offset=22
      local.get 3
      local.get 3
      select
      i32.const 15
      i32.and
      global.get 5
      block  ;; label = @2
        i64.const 65502
        drop
        block  ;; label = @3
          nop
          ref.func 2
          return
        end
        unreachable
      end
      unreachable
    end
    unreachable)
  (func (;20;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 19
    drop)
  (func (;21;) (type 5) (result funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    ref.func 21)
  (func (;22;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 21
    drop
    call 21
    drop)
  (func (;23;) (type 5) (result funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    ref.func 18
    return)
  (func (;24;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 23
    drop)
  (func (;25;) (type 33) (param i64 f64 f32 f32)
    (local i64 i32)
    local.get 1
    call 127
    local.set 1
    local.get 2
    call 126
    local.set 2
    local.get 3
    call 126
    local.set 3
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 3
    call 2
    local.get 3
    call 2
    block  ;; label = @1
      block (result i32)  ;; label = @2
        block (result i64)  ;; label = @3
          local.get 1
          call 3
          local.get 4
        end
        i32.wrap_i64
      end
      i32.eqz
      if  ;; label = @2
        block  ;; label = @3
          nop
          br 2 (;@1;)
        end
        unreachable
      else
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        call 4
        br 1 (;@1;)
      end
      unreachable
    end)
  (func (;26;) (type 34) (param funcref) (result f64 externref f32 externref i32)
    (local f32 f32 f32 f32 f32 i64 i64 i64 i64 i64 i64 i64 f64 f64 f64 f64 f64 f64 i32 i32 i32 i32 i32 v128 externref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 22
    local.get 18
    local.get 23
    local.get 11
    local.get 12
    local.get 5
    drop
    drop
    drop
    drop
    drop
    drop
    f64.const 0x1.f7ced916872bp-4 (;=0.123;)
    global.get 0
    f32.const -0x1.35a1cap+2 (;=-4.838;)
    global.get 0
    i32.const 1263827821
    return)
  (func (;27;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    ref.func 27
    call 26
    drop
    drop
    drop
    drop
    drop
    ref.func 22
    call 26
    drop
    drop
    drop
    drop
    drop)
  (func (;28;) (type 16) (result v128 i64 v128 i64 i64)
    (local f64 f32 f32 f32 f32 i32 i32 i32 i64 externref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    i64.const -17592186044416
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    i64.const -41
    i64.const 32)
  (func (;29;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 28
    drop
    drop
    drop
    drop
    drop)
  (func (;30;) (type 35) (result i64 i64 f64 f32 externref)
    (local i64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const 127
    i64.const -262145
    f64.const -0x1p+63 (;=-9.22337e+18;)
    f32.const -0x1.c2c084p+3 (;=-14.086;)
    ref.null extern)
  (func (;31;) (type 36) (param f64 f64)
    (local f32 f32 f64 f64 f64 f64 v128 v128 v128 i32 i32 i32 i32 externref)
    local.get 0
    call 127
    local.set 0
    local.get 1
    call 127
    local.set 1
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 0
    local.set 0
    global.get 4
    call 127
    call 3)
  (func (;32;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f64.const -0x1.fffffbc6a7efap+19 (;=-1.04858e+06;)
    f64.const 0x1.fffffffcp+31 (;=4.29497e+09;)
    call 31)
  (func (;33;) (type 37) (param i32) (result f64)
    (local i32 i32 f32 f32 f32 f32 i64 i64 i64 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 10
    return)
  (func (;34;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const -8388608
    call 33
    call 127
    drop)
  (func (;35;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block  ;; label = @1
      global.get 1
      br_if 0 (;@1;)
      nop
    end)
  (func (;36;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 35)
  (func (;37;) (type 3) (result f32)
    (local f64 f64 i32 funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result f32)  ;; label = @1
      global.get 5
      i32.const 15
      i32.and
      i32.load offset=22
      drop
      nop
      i32.const 0
      call_indirect (type 3)
      call 126
    end)
  (func (;38;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 37
    call 126
    drop)
  (func (;39;) (type 38) (param i64) (result i32)
    (local funcref f64 f32)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const 74)
  (func (;40;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const 4294967284
    call 39
    drop)
  (func (;41;) (type 39) (param f32 i32 f64 f32 f64 i64) (result f64)
    (local i64 i64 i64 i64 v128 v128 f64 f32 f32)
    local.get 0
    call 126
    local.set 0
    local.get 2
    call 127
    local.set 2
    local.get 3
    call 126
    local.set 3
    local.get 4
    call 127
    local.set 4
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 4
    call 127
    return)
  (func (;42;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f32.const 0x1p+0 (;=1;)
    i32.const 2147483647
    f64.const -0x1.ffffffp+24 (;=-3.35544e+07;)
    f32.const 0x1p+44 (;=1.75922e+13;)
    f64.const 0x1p+63 (;=9.22337e+18;)
    i64.const -20931
    call 41
    call 127
    drop)
  (func (;43;) (type 1) (param f64 i32 i32)
    (local i64 i64 i64 f32 f32 f32 f32 f32 f64 f64 f64 f64 f64 f64 v128 i32 funcref funcref funcref funcref)
    local.get 0
    call 127
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 1
    call 0)
  (func (;44;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f64.const 0x0p+0 (;=0;)
    i32.const -14
    i32.const 1718300228
    call 43
    f64.const 0x0p+0 (;=0;)
    i32.const -14012
    i32.const -2147483647
    call 43
    f64.const 0x1.de32p+15 (;=61209;)
    i32.const -2041946021
    i32.const -5295767
    call 43)
  (func (;45;) (type 9) (result i64)
    (local i32 i32 i32 i32 f32 f32 f32 f32 v128 f64 f64 f64 f64 i64 funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 13)
  (func (;46;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 45
    drop
    call 45
    drop
    call 45
    drop)
  (func (;47;) (type 40) (param v128 i32 f64 i32 i64 i64) (result i32)
    (local f32 v128)
    local.get 0
    call 128
    local.set 0
    local.get 2
    call 127
    local.set 2
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    data.drop 1
    global.get 5
    return)
  (func (;48;) (type 0)
    (local funcref f64 f64 f32 f32)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 1
    i32.const 15
    i32.and
    block (result f32)  ;; label = @1
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.extract_lane 2
      call 126
      local.tee 4
    end
    f32.store offset=4)
  (func (;49;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 48
    call 48)
  (func (;50;) (type 2) (result f64)
    (local f64 f64 f32 f32 i64 i32 funcref funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const -32658
    v128.const i32x4 0x1c000100 0x01fa0058 0x15a3f1c0 0x065302ff
    v128.store offset=22
    nop
    nop
    nop
    loop  ;; label = @1
      global.get 16
      i32.eqz
      if  ;; label = @2
        i32.const 100
        global.set 16
        unreachable
      end
      global.get 16
      i32.const 1
      i32.sub
      global.set 16
      global.get 5
      i32.const 34
      i32.rem_u
      global.get 5
      call 5
      br 0 (;@1;)
    end
    unreachable)
  (func (;51;) (type 41) (param i64) (result i64 f64 i64 f64 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const 1
    f64.const -0x1p+56 (;=-7.20576e+16;)
    i64.const -41
    f64.const -0x1.0000000004p+38 (;=-2.74878e+11;)
    f64.const 0x1.383d4518p+30 (;=1.30963e+09;))
  (func (;52;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const -9223372036854775807
    call 51
    drop
    drop
    drop
    drop
    drop)
  (func (;53;) (type 42) (param f64 externref) (result f32)
    (local i32 i32 i32 i32 i32 i32 v128 v128 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 f64 f64 f64 f64 f32 f32 f32 f32 f32 f32 f32 externref funcref funcref)
    local.get 0
    call 127
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 1
    local.get 3
    i32.eqz
    if (result i32)  ;; label = @1
      local.get 2
      local.tee 2
    else
      block (result i32)  ;; label = @2
        block (result i32)  ;; label = @3
          global.get 5
          i32.eqz
          if  ;; label = @4
            block  ;; label = @5
              block (result f32)  ;; label = @6
                loop  ;; label = @7
                  global.get 16
                  i32.eqz
                  if  ;; label = @8
                    i32.const 100
                    global.set 16
                    unreachable
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  i32.const 0
                  local.get 4
                  i32.eqz
                  if (result funcref)  ;; label = @8
                    f32.const 0x1.52p+7 (;=169;)
                    return
                  else
                    ref.func 53
                    local.tee 32
                  end
                  table.set 0
                  local.get 3
                  br_if 0 (;@7;)
                end
                loop  ;; label = @7
                  global.get 16
                  i32.eqz
                  if  ;; label = @8
                    i32.const 100
                    global.set 16
                    unreachable
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  i32.const -2589942
                  i32.const 15
                  i32.and
                  i32.load offset=1 align=1
                  i32.const 15
                  i32.and
                  local.get 2
                  i32.store16 offset=22
                  nop
                  local.get 13
                  call 39
                  br_if 0 (;@7;)
                end
                i64.const -2147483649
                local.set 12
                nop
                f32.const -0x1p+31 (;=-2.14748e+09;)
              end
              local.get 13
              local.tee 12
              i64.const 106
              i64.ge_s
              local.tee 3
              i32.const 15
              i32.and
              f32.load offset=22 align=2
              call 126
              i32.const 0
              call_indirect (type 3)
              call 126
              local.get 0
              local.get 1
              call 53
              call 126
              block (result i32)  ;; label = @6
                i32.const 0
                ref.null func
                local.tee 32
                table.set 0
                f64.const -0x1p+31 (;=-2.14748e+09;)
                f64.const -0x1p+46 (;=-7.03687e+13;)
                f64.ne
                local.get 2
                i32.const 15
                i32.and
                i32.load16_u offset=22
                br_if 4 (;@2;)
              end
              select
              global.get 5
              select
              f32.lt
              i32.eqz
              if  ;; label = @6
                block  ;; label = @7
                  i32.const 0
                  local.get 33
                  local.tee 32
                  table.set 0
                  global.get 4
                  call 127
                  f64.const -0x1.e4p+6 (;=-121;)
                  local.get 23
                  i32.const -126
                  local.tee 4
                  i32.const 15
                  i32.and
                  i32.load offset=4
                  select
                  global.get 4
                  call 127
                  f64.ne
                  ref.func 53
                  call 7
                  local.get 22
                  i32.trunc_f64_s
                  i32.const 15
                  i32.and
                  i32.load16_u offset=22
                  loop (result i32)  ;; label = @8
                    global.get 16
                    i32.eqz
                    if  ;; label = @9
                      i32.const 100
                      global.set 16
                      unreachable
                    end
                    global.get 16
                    i32.const 1
                    i32.sub
                    global.set 16
                    local.get 3
                  end
                  i32.const 2049
                  i32.const 4194304
                  br_if 5 (;@2;)
                  i32.eqz
                  br_if 4 (;@3;)
                  if  ;; label = @8
                    global.get 5
                    i32.const 15
                    i32.and
                    local.get 14
                    i64.store16 offset=4
                    block  ;; label = @9
                      global.get 0
                      local.set 31
                      br 2 (;@7;)
                    end
                    unreachable
                  else
                    global.get 10
                    local.set 12
                    br 3 (;@5;)
                  end
                  unreachable
                end
              end
              local.get 12
              local.tee 14
              f64.reinterpret_i64
              call 127
              block  ;; label = @6
                local.get 3
                i32.const 15
                i32.and
                i32.load8_u offset=4
                i32.const 15
                i32.and
                block (result f32)  ;; label = @7
                  loop  ;; label = @8
                    global.get 16
                    i32.eqz
                    if  ;; label = @9
                      i32.const 100
                      global.set 16
                      unreachable
                    end
                    global.get 16
                    i32.const 1
                    i32.sub
                    global.set 16
                    v128.const i32x4 0x5f000000 0xdf000000 0xd0000000 0xc1d00000
                    local.set 8
                    i32.const 4
                    i32.eqz
                    br_if 0 (;@8;)
                    nop
                    br 3 (;@5;)
                  end
                  unreachable
                end
                f32.store offset=22
                f32.const 0x1.fffffep+127 (;=3.40282e+38;)
                return
              end
              unreachable
            end
          else
            loop  ;; label = @5
              global.get 16
              i32.eqz
              if  ;; label = @6
                i32.const 100
                global.set 16
                unreachable
              end
              global.get 16
              i32.const 1
              i32.sub
              global.set 16
              local.get 22
              local.tee 22
              i32.const -61
              local.get 4
              i32.const 15
              i32.and
              i32.load16_s offset=4
              if (result i32)  ;; label = @6
                i32.const -67108864
                local.get 3
                i32.const -81
                select
                i32.const -32768
                if (result i32)  ;; label = @7
                  local.get 2
                else
                  ref.func 53
                  ref.is_null
                end
                br_if 3 (;@3;)
              else
                loop (result i32)  ;; label = @7
                  global.get 16
                  i32.eqz
                  if  ;; label = @8
                    i32.const 100
                    global.set 16
                    unreachable
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  local.get 2
                  i32.popcnt
                end
                i32.eqz
                if (result i32)  ;; label = @7
                  local.get 4
                  local.tee 4
                else
                  local.get 4
                  i32.const 15
                  i32.and
                  i32.const 13
                  i32.const 268435455
                  memory.fill
                  nop
                  v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                  i32.const 0
                  local.tee 4
                  local.get 4
                  global.get 1
                  select
                  i64.load16_u offset=22 align=1
                  block  ;; label = @8
                    local.get 5
                    local.get 27
                    local.get 28
                    local.get 17
                    drop
                    drop
                    drop
                    drop
                    br 3 (;@5;)
                  end
                  unreachable
                end
              end
              if (result i32)  ;; label = @6
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.tee 8
                local.tee 8
                drop
                local.get 32
                local.get 32
                i32.const -5890963
                select (result funcref)
                local.tee 32
                ref.is_null
              else
                i32.const 0
                loop (result funcref)  ;; label = @7
                  global.get 16
                  i32.eqz
                  if  ;; label = @8
                    i32.const 100
                    global.set 16
                    unreachable
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  nop
                  local.get 2
                  i32.eqz
                  br_if 0 (;@7;)
                  i32.const -21754
                  br_if 0 (;@7;)
                  ref.func 39
                  local.tee 32
                end
                table.set 0
                br 1 (;@5;)
              end
              loop (result f64)  ;; label = @6
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                i32.const 105
                local.tee 3
                if  ;; label = @7
                  f64.const -0x1.124cp+14 (;=-17555;)
                  i32.const -128
                  local.get 4
                  i32.const 11
                  call_indirect (type 1)
                  i32.const 0
                  ref.func 53
                  table.set 0
                else
                  i32.const 0
                  local.get 32
                  table.set 0
                end
                block  ;; label = @7
                  i32.const -36
                  i32.const 15
                  i32.and
                  local.get 3
                  call_indirect (type 3)
                  call 126
                  f32.store offset=22 align=1
                  br 1 (;@6;)
                end
                unreachable
              end
              local.get 22
              block (result i64)  ;; label = @6
                nop
                global.get 10
              end
              f64.convert_i64_s
              call 127
              i32.const 4194305
              select
              f64.ne
              call_indirect (type 1)
            end
          end
          f32.const 0x1.fffffep+127 (;=3.40282e+38;)
          return
        end
        if  ;; label = @3
          block (result f32)  ;; label = @4
            nop
            f32.const -0x1.1b4p+12 (;=-4532;)
          end
          local.tee 29
          f32.const -0x1p+0 (;=-1;)
          ref.null extern
          drop
          call 126
          f32.min
          call 126
          block (result f32)  ;; label = @4
            loop  ;; label = @5
              global.get 16
              i32.eqz
              if  ;; label = @6
                i32.const 100
                global.set 16
                unreachable
              end
              global.get 16
              i32.const 1
              i32.sub
              global.set 16
              block (result i32)  ;; label = @6
                local.get 14
                local.set 14
                local.get 2
              end
              i32.eqz
              if  ;; label = @6
                i32.const -13
                local.tee 4
                i32.eqz
                if  ;; label = @7
                  i32.const -70
                  if (result externref)  ;; label = @8
                    ref.null extern
                  else
                    local.get 31
                  end
                  local.set 31
                end
                local.get 29
                return
              else
                local.get 29
                drop
                br 1 (;@5;)
              end
              unreachable
            end
            unreachable
          end
          f32.ne
          i32.const 15
          i32.and
          local.get 12
          i64.store16 offset=22
        else
          ref.func 53
          local.set 32
          local.get 3
          i32.const -2147483647
          f32.const 0x1.3a5e36p-2 (;=0.307;)
          i64.const -53
          i32.const -11
          i64.const 2097151
          local.set 19
          local.set 7
          local.set 18
          local.set 30
          local.tee 6
          local.get 3
          i32.shr_s
          i32.const 76
          i32.rem_u
          call 6
          i32.eqz
          br_if 1 (;@2;)
          i32.const 15
          i32.and
          f32.const -0x1p+54 (;=-1.80144e+16;)
          f32.store offset=3
          loop  ;; label = @4
            global.get 16
            i32.eqz
            if  ;; label = @5
              i32.const 100
              global.set 16
              unreachable
            end
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            nop
            local.get 4
            i32.eqz
            br_if 0 (;@4;)
          end
          block  ;; label = @4
            local.get 3
            i32.eqz
            br_if 0 (;@4;)
          end
          loop  ;; label = @4
            global.get 16
            i32.eqz
            if  ;; label = @5
              i32.const 100
              global.set 16
              unreachable
            end
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            block  ;; label = @5
              loop  ;; label = @6
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                block  ;; label = @7
                  i32.const 65535
                  drop
                  local.get 4
                  drop
                  br 2 (;@5;)
                end
                unreachable
              end
              unreachable
            end
          end
        end
        global.get 7
        call 126
        return
      end
    end
    call 5
    loop  ;; label = @1
      global.get 16
      i32.eqz
      if  ;; label = @2
        i32.const 100
        global.set 16
        unreachable
      end
      global.get 16
      i32.const 1
      i32.sub
      global.set 16
      i32.const -3793393
      if (result i32)  ;; label = @2
        block (result i32)  ;; label = @3
          i32.const -97
          drop
          global.get 16
          i32.eqz
          if  ;; label = @4
            i32.const 100
            global.set 16
            unreachable
          end
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          local.get 3
          loop  ;; label = @4
            global.get 16
            i32.eqz
            if  ;; label = @5
              i32.const 100
              global.set 16
              unreachable
            end
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            i32.const -255
            if  ;; label = @5
              i32.const 14
              call_indirect (type 2)
              call 127
              local.set 23
            else
              nop
            end
            br 3 (;@1;)
          end
          unreachable
        end
      else
        global.get 16
        i32.eqz
        if  ;; label = @3
          i32.const 100
          global.set 16
          unreachable
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        global.get 16
        i32.eqz
        if  ;; label = @3
          i32.const 100
          global.set 16
          unreachable
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        nop
        br 1 (;@1;)
      end
      call 33
      call 127
      global.get 5
      f64.const 0x1.ffffff2p+31 (;=4.29497e+09;)
      i32.trunc_sat_f64_u
      i32.const 11
      call_indirect (type 1)
    end
    local.get 4
    i32.const 15
    i32.and
    i64.load32_s offset=4 align=2
    local.set 12
    global.get 9
    call 126
    return)
  (func (;54;) (type 43) (param externref i32 f64 f64 i64 i64 f32 i32) (result i32)
    (local i64 i64 i64 i32 i32 i32 v128 f64 f64 f32 funcref)
    local.get 2
    call 127
    local.set 2
    local.get 3
    call 127
    local.set 3
    local.get 6
    call 126
    local.set 6
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const -104
    block (result v128)  ;; label = @1
      loop (result f32 f64)  ;; label = @2
        global.get 16
        i32.eqz
        if  ;; label = @3
          i32.const 100
          global.set 16
          unreachable
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        block (result f32 f64)  ;; label = @3
          call 20
          f32.const -0x1p+31 (;=-2.14748e+09;)
          f64.const 0x1.16p+7 (;=139;)
        end
      end
      local.set 16
      drop
      local.get 16
      call 127
      ref.func 54
      call 7
      i32.const 184
      i32.const 11
      call_indirect (type 1)
      local.get 1
      i32.const 15
      i32.and
      i32.load8_u offset=2
      if (result v128)  ;; label = @2
        local.get 11
        call 0
        loop (result v128)  ;; label = @3
          global.get 16
          i32.eqz
          if  ;; label = @4
            i32.const 100
            global.set 16
            unreachable
          end
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          local.get 14
        end
      else
        i32.const -94
        local.tee 11
        call 0
        local.get 14
        call 4
        global.get 1
        return
      end
    end
    local.get 14
    i16x8.eq
    call 128
    i8x16.extract_lane_s 3
    if (result i32)  ;; label = @1
      i32.const -916181
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32.const 0x0p+0 (;=0;)
      local.set 17
      drop
      drop
      local.get 17
      call 126
      i32.trunc_f32_u
    else
      block (result i32)  ;; label = @2
        f64.const 0x0p+0 (;=0;)
        local.tee 3
        block  ;; label = @3
          local.get 2
          global.get 4
          call 127
          f64.max
          call 127
          local.tee 3
          call 3
          i32.const 8
          return
        end
        unreachable
      end
    end
    global.get 1
    select
    call 6)
  (func (;55;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    ref.null extern
    i32.const -6022530
    f64.const 0x0p+0 (;=0;)
    f64.const 0x1.ffffffc4p+31 (;=4.29497e+09;)
    i64.const 576460752303423487
    i64.const 227
    f32.const 0x0p+0 (;=0;)
    i32.const 247
    call 54
    drop)
  (func (;56;) (type 17) (param v128 f64) (result i64)
    (local i32 i32 i32 i32 i32 i32 f64 f64 f64 f64 f64 f64 f64 i64 i64 f32 v128 v128 externref funcref funcref)
    local.get 0
    call 128
    local.set 0
    local.get 1
    call 127
    local.set 1
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result i64)  ;; label = @1
      nop
      global.get 10
    end)
  (func (;57;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f64.const 0x0p+0 (;=0;)
    call 56
    drop
    v128.const i32x4 0xc60a00e3 0x8af9dd4c 0x3a460ba7 0xff0201a5
    f64.const 0x1.4cp+6 (;=83;)
    call 56
    drop)
  (func (;58;) (type 44) (param i64 f32) (result i64)
    (local f64 f64 i32 v128)
    local.get 1
    call 126
    local.set 1
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result f32)  ;; label = @1
      nop
      local.get 1
    end
    f32.const -0x1.f3p+9 (;=-998;)
    global.get 5
    select
    call 2
    global.get 10
    return)
  (func (;59;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const -28599
    f32.const 0x1.fffffep+127 (;=3.40282e+38;)
    call 58
    drop)
  (func (;60;) (type 45) (param i64) (result i64)
    (local i32 i32 i32 i32 i32 i32 f32 f32 v128 v128 v128 i64 f64 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result i64)  ;; label = @1
      nop
      block (result i64)  ;; label = @2
        nop
        local.get 0
        global.get 5
        i64.extend_i32_s
        i32.wrap_i64
        br_if 1 (;@1;)
      end
    end)
  (func (;61;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const -16103
    call 60
    drop)
  (func (;62;) (type 46) (param f32) (result v128)
    (local f64 v128)
    local.get 0
    call 126
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result v128)  ;; label = @1
      i64.const -4503599627370496
      i64.popcnt
      call 1
      nop
      global.get 6
      call 128
      i32.const 65132
      i32.eqz
      br_if 0 (;@1;)
      local.tee 2
    end)
  (func (;63;) (type 6) (param i32 i64) (result v128)
    (local i32 i32 i32 i32 i32 i32 f64 f64 f64 f64 v128 v128 f32 f32 f32 f32 i64 funcref externref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block  ;; label = @1
      loop  ;; label = @2
        global.get 16
        i32.eqz
        if  ;; label = @3
          i32.const 100
          global.set 16
          unreachable
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        loop  ;; label = @3
          global.get 16
          i32.eqz
          if  ;; label = @4
            i32.const 100
            global.set 16
            unreachable
          end
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          local.get 1
          i64.extend8_s
          local.get 1
          i64.shr_u
          local.set 1
          br 0 (;@3;)
        end
        unreachable
      end
      unreachable
    end
    global.get 6
    call 128
    return)
  (func (;64;) (type 4) (result v128)
    (local f32 f32 f64 i32 i32 i64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 6
    call 128
    return)
  (func (;65;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 64
    call 128
    drop)
  (func (;66;) (type 10) (result i32)
    (local f64 f64 f32 f32 f32 i32 i32 v128 i64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const 67
    local.tee 5)
  (func (;67;) (type 9) (result i64)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 f64 f64 i64 i64 i64 i64 i64 f32 f32 f32 externref externref funcref funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 0
    i32.eqz
    if (result i32)  ;; label = @1
      nop
      global.get 10
      return
    else
      block (result i32)  ;; label = @2
        loop  ;; label = @3
          global.get 16
          i32.eqz
          if  ;; label = @4
            i32.const 100
            global.set 16
            unreachable
          end
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          global.get 5
          br_if 0 (;@3;)
          global.get 4
          call 127
          i32.const 14
          call_indirect (type 2)
          call 127
          local.get 13
          f64.mul
          call 127
          f64.le
          i32.const 15
          i32.and
          i32.load16_u offset=22
          i32.eqz
          if (result i32)  ;; label = @4
            local.get 12
            local.get 12
            f64.eq
            loop (result i32)  ;; label = @5
              global.get 16
              i32.eqz
              if  ;; label = @6
                i32.const 100
                global.set 16
                unreachable
              end
              global.get 16
              i32.const 1
              i32.sub
              global.set 16
              block (result i32)  ;; label = @6
                local.get 1
                i32.const 15
                i32.and
                global.get 5
                i32.const 15
                i32.and
                local.get 0
                memory.copy
                global.get 5
              end
            end
            br_if 2 (;@2;)
            i32.const 128
            br_if 2 (;@2;)
          else
            local.get 1
          end
          i32.eqz
          br_if 0 (;@3;)
        end
        call 8
        global.get 10
        return
      end
    end
    if (result v128)  ;; label = @1
      local.get 0
      i32.const 94
      i32.rem_u
      call 6
      i32.const 15
      i32.and
      i32.load offset=22
      i32.eqz
      if (result i32)  ;; label = @2
        local.get 12
        local.set 12
        i32.const 32768
        i64.const -32766
        f64.const -0x1.ffffffff09fbep+32 (;=-8.58993e+09;)
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        i64.const -81
        drop
        drop
        drop
        drop
      else
        local.get 2
      end
      if  ;; label = @2
        global.get 0
        local.set 23
      end
      i64.const -7325
      return
    else
      global.get 1
      i32.eqz
      if  ;; label = @2
        block (result i32)  ;; label = @3
          data.drop 1
          local.get 1
        end
        if (result f32)  ;; label = @3
          block (result v128)  ;; label = @4
            nop
            call 46
            i32.const 21
            call_indirect (type 4)
            call 128
          end
          f32x4.extract_lane 2
          call 126
        else
          block (result f64)  ;; label = @4
            f64.const 0x0p+0 (;=0;)
            local.get 2
            local.get 1
            local.get 0
            i32.sub
            i32.const -102
            call_indirect (type 1)
            local.get 12
          end
          local.set 12
          local.get 14
          return
        end
        local.set 19
      else
        block  ;; label = @3
          local.get 19
          call 2
          ref.func 67
          ref.is_null
          i32.eqz
          if (result i64)  ;; label = @4
            i32.const -21
            local.set 0
            br 1 (;@3;)
          else
            ref.null extern
            i32.const -2147483648
            local.set 9
            drop
            local.get 9
            local.set 0
            global.get 10
          end
          call 39
          i32.const 15
          i32.and
          i32.const -127
          i32.const 15
          i32.and
          i32.const -25
          memory.copy
        end
      end
      global.get 6
      call 128
    end
    i8x16.extract_lane_u 14
    if  ;; label = @1
      nop
      global.get 10
      return
    else
      i32.const 0
      local.get 1
      if (result funcref)  ;; label = @2
        nop
        local.get 16
        return
      else
        ref.func 27
        local.tee 25
      end
      table.set 0
      global.get 10
      return
    end
    unreachable)
  (func (;68;) (type 10) (result i32)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const 262145)
  (func (;69;) (type 47) (param i64 f64) (result v128)
    (local i32 i64 i64 f64 f32)
    local.get 1
    call 127
    local.set 1
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000)
  (func (;70;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const 97
    f64.const -0x1.fffffffffffffp+52 (;=-9.0072e+15;)
    call 69
    call 128
    drop
    i64.const -9223372036854775806
    f64.const -0x1.f2c4p+14 (;=-31921;)
    call 69
    call 128
    drop)
  (func (;71;) (type 48) (param i32 externref f32 i32 f64 f64 i64) (result i32 v128)
    (local i32 i32 i32 i32 i32 f64 f64 f64 f64 f64 f64 v128 v128 v128 f32 f32 f32 f32 i64 i64)
    local.get 2
    call 126
    local.set 2
    local.get 4
    call 127
    local.set 4
    local.get 5
    call 127
    local.set 5
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    i8x16.extract_lane_s 13
    local.tee 11
    f32.convert_i32_s
    call 126
    global.get 7
    call 126
    f32.max
    call 126
    local.get 2
    f32.copysign
    call 126
    call 2
    i32.const 14
    call_indirect (type 2)
    call 127
    local.set 12
    i32.const 2
    v128.const i32x4 0x00000000 0x40eff9e0 0x00000000 0x43900000
    return)
  (func (;72;) (type 2) (result f64)
    (local i64 i64 i64 i64 f32 f32 i32 i32 i32 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 4
    call 127
    return)
  (func (;73;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 72
    call 127
    drop
    call 72
    call 127
    drop
    call 72
    call 127
    drop)
  (func (;74;) (type 11) (result f32 i32 i32 f64)
    (local i32 i64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result f32 i32 i32 f64)  ;; label = @1
      loop (result i32)  ;; label = @2
        global.get 16
        i32.eqz
        if  ;; label = @3
          i32.const 100
          global.set 16
          unreachable
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        call 46
        f64.const 0x1.fffffffcp+30 (;=2.14748e+09;)
        call 3
        i32.const 524289
        i32.eqz
        br_if 0 (;@2;)
        ref.null func
        ref.is_null
      end
      call 0
      f32.const 0x0p+0 (;=0;)
      i32.const 511
      i32.const 2147483647
      f64.const -0x1.fffffffffffffp+1023 (;=-1.79769e+308;)
      global.get 4
      call 127
      i32.trunc_f64_u
      br_if 0 (;@1;)
    end)
  (func (;75;) (type 49) (param i64 i64 f64) (result f32)
    (local v128 v128 i32 i32 f64 f64 f32 f32 externref)
    local.get 2
    call 127
    local.set 2
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result f32)  ;; label = @1
      nop
      f32.const 0x0p+0 (;=0;)
    end)
  (func (;76;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const -4503599627370496
    i64.const -9223372036854775807
    f64.const 0x1.ep+6 (;=120;)
    call 75
    call 126
    drop
    i64.const 129
    i64.const 69
    f64.const 0x1.50d9400cp+30 (;=1.41285e+09;)
    call 75
    call 126
    drop)
  (func (;77;) (type 50) (param i64 i64 i64) (result f64)
    (local i64 i64 i32 f32 f64 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result f64)  ;; label = @1
      nop
      ref.null func
      ref.is_null
      i32.const -12
      i32.eq
      call 33
      call 127
    end)
  (func (;78;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const 36
    i64.const 18445
    i64.const -255
    call 77
    call 127
    drop
    i64.const -9223372036854775808
    i64.const 255
    i64.const -39
    call 77
    call 127
    drop)
  (func (;79;) (type 18) (result externref)
    (local v128)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const -265745651
    i32.const 53
    i32.rem_u
    i32.const -15
    call 5
    global.get 0
    return)
  (func (;80;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 79
    drop
    call 79
    drop
    call 79
    drop)
  (func (;81;) (type 51) (param i64 f32) (result funcref)
    (local i32 i32 i32 f32 v128)
    local.get 1
    call 126
    local.set 1
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    ref.func 6)
  (func (;82;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const 1025
    f32.const 0x0p+0 (;=0;)
    call 81
    drop)
  (func (;83;) (type 19) (param v128) (result v128)
    (local f32 f32 i32 i32 v128 f64)
    local.get 0
    call 128
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 0)
  (func (;84;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    call 83
    call 128
    drop
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    call 83
    call 128
    drop)
  (func (;85;) (type 2) (result f64)
    (local externref externref f64 f64 f32 i32 i64 v128)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    data.drop 1
    local.get 3
    return)
  (func (;86;) (type 20) (param externref f32 f32 f64 f32 v128) (result f64)
    (local externref f32)
    local.get 1
    call 126
    local.set 1
    local.get 2
    call 126
    local.set 2
    local.get 3
    call 127
    local.set 3
    local.get 4
    call 126
    local.set 4
    local.get 5
    call 128
    local.set 5
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    loop (result f64)  ;; label = @1
      global.get 16
      i32.eqz
      if  ;; label = @2
        i32.const 100
        global.set 16
        unreachable
      end
      global.get 16
      i32.const 1
      i32.sub
      global.set 16
      block (result f64)  ;; label = @2
        i32.const 0
        ref.func 86
        table.set 0
        local.get 3
        local.tee 3
      end
    end
    local.get 3
    i32.const 671698029
    select
    local.tee 3)
  (func (;87;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 0
    f32.const 0x1.a2p+7 (;=209;)
    f32.const 0x1p+41 (;=2.19902e+12;)
    f64.const 0x1.fffffep+127 (;=3.40282e+38;)
    f32.const 0x1.ff42p+15 (;=65441;)
    v128.const i32x4 0x6800003c 0x004a1600 0x001af801 0xfea50000
    call 86
    call 127
    drop)
  (func (;88;) (type 21) (param f64) (result f64)
    local.get 0
    call 127
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result f64)  ;; label = @1
      nop
      global.get 4
      call 127
    end)
  (func (;89;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f64.const 0x1p+31 (;=2.14748e+09;)
    call 88
    call 127
    drop)
  (func (;90;) (type 3) (result f32)
    (local i32 f32)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    nop
    local.get 1
    return)
  (func (;91;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 90
    call 126
    drop
    call 90
    call 126
    drop)
  (func (;92;) (type 0)
    (local f32 funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f64.const 0x0p+0 (;=0;)
    call 3)
  (func (;93;) (type 3) (result f32)
    (local i32 i32 i64 f32 funcref funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 2
    i64.eqz
    local.tee 1
    i32.const 15
    i32.and
    block (result i32)  ;; label = @1
      block  ;; label = @2
        block  ;; label = @3
          block  ;; label = @4
            local.get 1
            call 0
            br 1 (;@3;)
          end
          unreachable
        end
        block  ;; label = @3
          block (result i32)  ;; label = @4
            local.get 3
            call 2
            f32.const 0x0p+0 (;=0;)
            f32.const 0x1.6e978ep-3 (;=0.179;)
            local.tee 3
            local.tee 3
            f32.eq
            i32.eqz
            if (result i32)  ;; label = @5
              i32.const -8191
              f32.const 0x1.42p+7 (;=161;)
              f32.const 0x1p+31 (;=2.14748e+09;)
              f64.const 0x0p+0 (;=0;)
              drop
              drop
              drop
              i32.eqz
              if  ;; label = @6
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                call 4
                block  ;; label = @7
                  nop
                  br 4 (;@3;)
                end
                unreachable
              else
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                global.get 6
                call 128
                i8x16.gt_u
                call 128
                call 4
                br 4 (;@2;)
              end
              unreachable
            else
              f64.const 0x1.000002p+23 (;=8.38861e+06;)
              call 3
              i32.const 1
              local.tee 0
            end
          end
          local.set 0
          i32.const 32768
          local.tee 0
          local.get 4
          table.set 0
        end
      end
      i32.const 65420
    end
    i32.const 5
    memory.fill
    global.get 7
    call 126
    return)
  (func (;94;) (type 22) (param v128) (result f64)
    (local i64 f32 f64 f64 f64 f64 f64 f64 f64 v128 i32)
    local.get 0
    call 128
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 4
    return)
  (func (;95;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    call 94
    call 127
    drop
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    call 94
    call 127
    drop
    v128.const i32x4 0x00d224db 0x80640097 0x00ff0110 0x2f8c00ff
    call 94
    call 127
    drop
    v128.const i32x4 0x00ff00b6 0xce80653e 0xfeadf077 0x58d72f10
    call 94
    call 127
    drop
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    call 94
    call 127
    drop
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    call 94
    call 127
    drop
    v128.const i32x4 0x0000ffff 0x00000000 0x0000000d 0x00000000
    call 94
    call 127
    drop)
  (func (;96;) (type 52) (param i32 i32) (result i32)
    (local f32 i64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 1
    i32.const 15
    i32.and
    i32.load8_u offset=22
    i32.const 15
    i32.and
    i32.load8_u offset=3
    i32.ctz)
  (func (;97;) (type 53) (param f32 f32 v128 i64) (result f64 f32)
    (local f32 f32 f64 f64 f64 f64 i32 i32 i32 i64 externref)
    local.get 0
    call 126
    local.set 0
    local.get 1
    call 126
    local.set 1
    local.get 2
    call 128
    local.set 2
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f64.const 0x0p+0 (;=0;)
    f32.const -0x1p+33 (;=-8.58993e+09;)
    return)
  (func (;98;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f32.const 0x0p+0 (;=0;)
    f32.const 0x1.fffff8p+21 (;=4.1943e+06;)
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    i64.const 4294967284
    call 97
    drop
    drop)
  (func (;99;) (type 54) (param i64 i32) (result f32 f32 f32 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    nop
    f32.const 0x0p+0 (;=0;)
    f32.const -0x1.4p+4 (;=-20;)
    f32.const 0x0p+0 (;=0;)
    f64.const -0x1.fffffffb41893p+30 (;=-2.14748e+09;)
    return)
  (func (;100;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i64.const -2147483647
    i32.const -2147483647
    call 99
    drop
    drop
    drop
    drop
    i64.const -32769
    i32.const -262144
    call 99
    drop
    drop
    drop
    drop
    i64.const 2147483648
    i32.const 64
    call 99
    drop
    drop
    drop
    drop
    i64.const 4294967237
    i32.const 0
    call 99
    drop
    drop
    drop
    drop)
  (func (;101;) (type 22) (param v128) (result f64)
    (local i64 i64 i32 i32 i32 f64 f32 f32 v128)
    local.get 0
    call 128
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    nop
    f64.const 0x1p+31 (;=2.14748e+09;)
    return)
  (func (;102;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    call 101
    call 127
    drop)
  (func (;103;) (type 55) (param f32 externref f64 v128 f32 i32) (result i64)
    (local i32 i32 i32 i64 f32 f32 f64 f64 funcref)
    local.get 0
    call 126
    local.set 0
    local.get 2
    call 127
    local.set 2
    local.get 3
    call 128
    local.set 3
    local.get 4
    call 126
    local.set 4
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result i64)  ;; label = @1
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32.const 0x1p+32 (;=4.29497e+09;)
      i64.const 32767
      drop
      drop
      call 128
      local.set 3
      loop (result i64)  ;; label = @2
        global.get 16
        i32.eqz
        if  ;; label = @3
          i32.const 100
          global.set 16
          unreachable
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        block (result i64)  ;; label = @3
          i32.const 0
          ref.func 103
          table.set 0
          loop  ;; label = @4
            global.get 16
            i32.eqz
            if  ;; label = @5
              i32.const 100
              global.set 16
              unreachable
            end
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            loop (result i32)  ;; label = @5
              global.get 16
              i32.eqz
              if  ;; label = @6
                i32.const 100
                global.set 16
                unreachable
              end
              global.get 16
              i32.const 1
              i32.sub
              global.set 16
              local.get 5
              i32.eqz
              if  ;; label = @6
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                local.get 8
                i32.const 15
                i32.and
                i32.const 245
                local.get 6
                memory.fill
                nop
                nop
                i32.const 0
                ref.func 103
                table.set 0
              end
              global.get 5
              br_if 3 (;@2;)
              loop (result i32)  ;; label = @6
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                block (result i32)  ;; label = @7
                  nop
                  global.get 1
                end
              end
              local.tee 7
              br_if 0 (;@5;)
              local.get 2
              i32.trunc_sat_f64_s
            end
            i32.eqz
            if  ;; label = @5
              block  ;; label = @6
                global.get 1
                local.tee 5
                i32.const 15
                i32.and
                loop (result i32)  ;; label = @7
                  global.get 16
                  i32.eqz
                  if  ;; label = @8
                    i32.const 100
                    global.set 16
                    unreachable
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  block (result i32)  ;; label = @8
                    local.get 12
                    call 3
                    nop
                    i32.const -2147483648
                  end
                end
                local.tee 6
                i32.load8_s offset=4
                call 68
                if  ;; label = @7
                  loop  ;; label = @8
                    global.get 16
                    i32.eqz
                    if  ;; label = @9
                      i32.const 100
                      global.set 16
                      unreachable
                    end
                    global.get 16
                    i32.const 1
                    i32.sub
                    global.set 16
                    i32.const 32769
                    br_if 0 (;@8;)
                    local.get 9
                    local.get 9
                    i64.le_u
                    br_if 0 (;@8;)
                  end
                  local.get 9
                  local.set 9
                  call 20
                  global.get 10
                  return
                else
                  loop (result v128)  ;; label = @8
                    global.get 16
                    i32.eqz
                    if  ;; label = @9
                      i32.const 100
                      global.set 16
                      unreachable
                    end
                    global.get 16
                    i32.const 1
                    i32.sub
                    global.set 16
                    v128.const i32x4 0xe0000000 0xc7efffff 0x00000000 0x40490000
                    local.get 3
                    f32x4.gt
                    call 128
                  end
                  call 4
                  br 1 (;@6;)
                end
                unreachable
              end
            else
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.get 3
              i8x16.lt_s
              call 128
              local.tee 3
              local.tee 3
              local.tee 3
              call 4
            end
            local.get 9
            return
          end
          unreachable
        end
      end
      block (result i64)  ;; label = @2
        i32.const 0
        local.get 14
        table.set 0
        local.get 7
        i32.eqz
        if  ;; label = @3
          local.get 7
          i32.eqz
          if (result i32)  ;; label = @4
            loop (result i32)  ;; label = @5
              global.get 16
              i32.eqz
              if  ;; label = @6
                i32.const 100
                global.set 16
                unreachable
              end
              global.get 16
              i32.const 1
              i32.sub
              global.set 16
              i32.const 255
            end
          else
            local.get 12
            local.get 7
            local.get 6
            i32.const 11
            call_indirect (type 1)
            local.get 6
          end
          f32.convert_i32_u
          call 126
          local.tee 11
          call 2
        end
        local.get 9
        local.tee 9
      end
      local.tee 9
      call 18
      global.get 10
      f32.convert_i64_s
      call 126
      f64.promote_f32
      call 127
      f64.const 0x1.0a98p+13 (;=8531;)
      f64.eq
      br_if 0 (;@1;)
    end)
  (func (;104;) (type 56) (param v128) (result i32)
    (local i64 i64 f64 i32)
    local.get 0
    call 128
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const 77)
  (func (;105;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0xdf000000 0x4a7fffff 0x5f800000 0x3f48f5c2
    call 104
    drop)
  (func (;106;) (type 12) (param externref) (result f32)
    (local f64 f64 i32 i32 i64 i64 i64 i64 i64 f32 f32 externref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result f32)  ;; label = @1
      data.drop 0
      nop
      loop  ;; label = @2
        global.get 16
        i32.eqz
        if  ;; label = @3
          i32.const 100
          global.set 16
          unreachable
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        local.get 1
        global.get 1
        global.get 1
        i32.const 97
        select
        ref.func 106
        ref.is_null
        i32.const 11
        call_indirect (type 1)
        i32.const -256
        br_if 0 (;@2;)
        block (result i32)  ;; label = @3
          nop
          global.get 5
        end
        local.get 3
        call 66
        local.tee 3
        i32.load16_u offset=2
        i32.const 15
        i32.and
        i32.load16_s offset=4 align=1
        select
        block  ;; label = @3
          local.get 3
          global.set 5
          global.get 8
          call 126
          return
        end
        unreachable
      end
      unreachable
    end)
  (func (;107;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    ref.null extern
    call 106
    call 126
    drop)
  (func (;108;) (type 57) (param f32) (result externref i64 funcref v128)
    (local i32 i32 i32 i32 f64 f64 f64 f64 i64 i64 f32 f32 f32 externref funcref)
    local.get 0
    call 126
    local.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const 0
    ref.func 108
    table.set 0
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    i8x16.extract_lane_u 4
    local.tee 4
    local.set 4
    nop
    ref.null extern
    i64.const 1235219397159836542
    ref.func 108
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    return)
  (func (;109;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f32.const 0x1p+0 (;=1;)
    call 108
    drop
    drop
    drop
    drop
    f32.const 0x1p+20 (;=1.04858e+06;)
    call 108
    drop
    drop
    drop
    drop)
  (func (;110;) (type 9) (result i64)
    (local i32 i32 f64 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 3
    i64.trunc_sat_f64_u
    call 1
    i64.const -28894
    return)
  (func (;111;) (type 8) (param i32 v128 f32)
    (local externref funcref f64 f64 f64 f64 f64 f32 f32 f32 i64 v128 i32 i32)
    local.get 1
    call 128
    local.set 1
    local.get 2
    call 126
    local.set 2
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const -9
    i32.eqz
    if  ;; label = @1
      i64.const -32769
      call 1
      i32.const 0
      local.get 4
      table.set 0
      nop
    else
      block  ;; label = @2
        local.get 0
        if  ;; label = @3
          local.get 13
          local.tee 13
          call 1
          global.get 16
          i32.eqz
          if  ;; label = @4
            i32.const 100
            global.set 16
            unreachable
          end
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          i64.const -22
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          drop
          drop
          i32.const -37
          local.tee 0
          local.tee 0
          i32.eqz
          if  ;; label = @4
            i32.const -85
            i32.const 15
            i32.and
            f32.const 0x1p+31 (;=2.14748e+09;)
            f32.store offset=22
            block (result i32)  ;; label = @5
              f64.const 0x0p+0 (;=0;)
              i32.trunc_f64_u
              if (result i32)  ;; label = @6
                loop (result i32)  ;; label = @7
                  global.get 16
                  i32.eqz
                  if  ;; label = @8
                    i32.const 100
                    global.set 16
                    unreachable
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  global.get 1
                end
              else
                i32.const 2147483647
                i32.const -71
                local.get 0
                select
                if (result f64)  ;; label = @7
                  f64.const 0x1p+59 (;=5.76461e+17;)
                  local.get 5
                  i32.const -131073
                  select
                else
                  return
                end
                i32.trunc_f64_u
                i32.ctz
              end
              i32.const 76
              i32.rem_u
              global.get 5
              call 5
              ref.func 111
              call 7
            end
            i32.const 15
            i32.and
            i32.load16_s offset=22 align=1
            i32.const 15
            i32.and
            v128.load offset=2 align=4
            call 128
            call 4
          else
            nop
            global.get 0
            local.set 3
          end
        else
          block  ;; label = @4
            global.get 9
            call 126
            local.set 2
            global.get 16
            i32.eqz
            if  ;; label = @5
              i32.const 100
              global.set 16
              unreachable
            end
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            call 49
            block  ;; label = @5
              i32.const -1386342034
              f64.const 0x1p+35 (;=3.43597e+10;)
              drop
              local.tee 0
              i32.eqz
              if (result f64)  ;; label = @6
                i32.const -780845732
                br_if 1 (;@5;)
                unreachable
              else
                loop  ;; label = @7
                  global.get 16
                  i32.eqz
                  if  ;; label = @8
                    i32.const 100
                    global.set 16
                    unreachable
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  block  ;; label = @8
                    local.get 0
                    i32.const 15
                    i32.and
                    block  ;; label = @9
                      nop
                      br 1 (;@8;)
                    end
                    unreachable
                  end
                  loop (result i32)  ;; label = @8
                    global.get 16
                    i32.eqz
                    if  ;; label = @9
                      i32.const 100
                      global.set 16
                      unreachable
                    end
                    global.get 16
                    i32.const 1
                    i32.sub
                    global.set 16
                    local.get 0
                  end
                  br_if 0 (;@7;)
                end
                f64.const -0x1.76c2f3c8p+30 (;=-1.57186e+09;)
                local.tee 5
                local.get 0
                i32.const -2147483648
                i32.const 11
                call_indirect (type 1)
                f64.const -0x1.fffffffffaa1dp+37 (;=-2.74878e+11;)
                f32.const 0x1.34aap+15 (;=39509;)
                f64.const 0x1p+63 (;=9.22337e+18;)
                f32.const -0x1p+23 (;=-8.38861e+06;)
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                i32.const -32767
                local.set 15
                local.set 14
                local.set 12
                local.set 8
                local.set 11
                local.get 8
                call 127
                f64.max
                call 127
              end
              local.get 0
              i32.const 15
              i32.and
              f32.load offset=22 align=1
              call 126
              f64.promote_f32
              call 127
              f64.lt
              local.tee 0
              loop (result i32)  ;; label = @6
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                block (result i32)  ;; label = @7
                  local.get 5
                  local.get 13
                  i64x2.splat
                  call 128
                  f64x2.extract_lane 0
                  call 127
                  f64.ge
                  i32.const 154
                  i32.rem_u
                  call 6
                  i32.eqz
                  if  ;; label = @8
                    global.get 1
                    local.set 0
                  else
                    call 100
                    block  ;; label = @9
                      local.get 0
                      br_if 7 (;@2;)
                      br 5 (;@4;)
                    end
                    unreachable
                  end
                  br 3 (;@4;)
                end
              end
              local.get 0
              local.tee 0
              select
              i32.const 15
              i32.and
              i64.load32_s offset=4 align=1
              drop
            end
          end
        end
        local.get 0
        i32.eqz
        br_if 0 (;@2;)
        block  ;; label = @3
          loop (result i32)  ;; label = @4
            global.get 16
            i32.eqz
            if  ;; label = @5
              i32.const 100
              global.set 16
              unreachable
            end
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            i32.const 1120
            br_if 1 (;@3;)
            global.get 4
            call 127
            drop
            ref.func 81
            ref.is_null
            br_if 0 (;@4;)
            call 68
          end
          i32.const 76
          i32.rem_u
          loop  ;; label = @4
            global.get 16
            i32.eqz
            if  ;; label = @5
              i32.const 100
              global.set 16
              unreachable
            end
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            block (result i64)  ;; label = @5
              loop (result f32)  ;; label = @6
                global.get 16
                i32.eqz
                if  ;; label = @7
                  i32.const 100
                  global.set 16
                  unreachable
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                f64.const -0x1.fffffffffffffp+1023 (;=-1.79769e+308;)
                drop
                loop  ;; label = @7
                  global.get 16
                  i32.eqz
                  if  ;; label = @8
                    i32.const 100
                    global.set 16
                    unreachable
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  i32.const -1
                  local.set 0
                  local.get 0
                  i32.eqz
                  br_if 0 (;@7;)
                end
                i32.const -4194304
                local.set 0
                local.get 0
                i32.const 154
                i32.rem_u
                call 6
                i32.eqz
                br_if 0 (;@6;)
                local.get 10
              end
              call 2
              local.get 13
            end
            local.tee 13
            i64.eqz
            br_if 1 (;@3;)
            br 2 (;@2;)
          end
          unreachable
        end
      end
    end)
  (func (;112;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    i32.const 251
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32.const -0x1.0d374cp+4 (;=-16.826;)
    call 111)
  (func (;113;) (type 2) (result f64)
    (local f64 f64 f64 i32 f32 f32)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 1)
  (func (;114;) (type 2) (result f64)
    (local f64 i64 i64 i32)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    local.get 0)
  (func (;115;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 114
    call 127
    drop)
  (func (;116;) (type 58) (param f64 i32 f64 i32 funcref externref i64 f64) (result f64)
    (local f32 f32 f32 f32 f32 i32 i32 i64 v128 v128 funcref externref)
    local.get 0
    call 127
    local.set 0
    local.get 2
    call 127
    local.set 2
    local.get 7
    call 127
    local.set 7
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result f64)  ;; label = @1
      block (result f64)  ;; label = @2
        local.get 2
      end
      local.tee 7
    end)
  (func (;117;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f64.const 0x1.cp+2 (;=7;)
    i32.const -8
    f64.const 0x0p+0 (;=0;)
    i32.const -39
    ref.func 117
    global.get 0
    i64.const 8
    f64.const 0x1.cp+2 (;=7;)
    call 116
    call 127
    drop)
  (func (;118;) (type 59) (param f64 i64 f32) (result f64)
    (local i32)
    local.get 0
    call 127
    local.set 0
    local.get 2
    call 126
    local.set 2
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block  ;; label = @1
      local.get 0
      call 3
      global.get 0
      f32.const -0x1.fffb5p+14 (;=-32766.8;)
      local.get 2
      block  ;; label = @2
        global.get 4
        call 127
        return
      end
      unreachable
    end
    unreachable)
  (func (;119;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    f64.const 0x0p+0 (;=0;)
    i64.const 536870912
    f32.const 0x0p+0 (;=0;)
    call 118
    call 127
    drop)
  (func (;120;) (type 18) (result externref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    ref.null extern)
  (func (;121;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 120
    drop
    call 120
    drop
    call 120
    drop
    call 120
    drop)
  (func (;122;) (type 5) (result funcref)
    (local i64 i64 f64 f64 v128 i32 i32 externref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    ref.func 122)
  (func (;123;) (type 10) (result i32)
    (local f32 i32 i32 v128 i64 f64)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block  ;; label = @1
      nop
      global.get 5
      return
    end
    unreachable)
  (func (;124;) (type 0)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    call 123
    drop
    call 123
    drop
    call 123
    drop
    call 123
    drop
    call 123
    drop)
  (func (;125;) (type 4) (result v128)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64 f64 f64 f64 f64 v128 v128 v128 v128 i64 i64 i64 i64 f32 f32 f32 f32 f32 funcref funcref)
    global.get 16
    i32.eqz
    if  ;; label = @1
      i32.const 100
      global.set 16
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    block (result v128)  ;; label = @1
      block  ;; label = @2
        loop (result v128)  ;; label = @3
          global.get 16
          i32.eqz
          if  ;; label = @4
            i32.const 100
            global.set 16
            unreachable
          end
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          block (result i32)  ;; label = @4
            nop
            local.get 2
          end
          i32.eqz
          br_if 0 (;@3;)
          nop
          global.get 5
          i32.load offset=22
          br_if 0 (;@3;)
          f64.const 0x0p+0 (;=0;)
          f64.const 0x1.48p+5 (;=41;)
          i32.const 32768
          f32.const 0x0p+0 (;=0;)
          v128.const i32x4 0x01000100 0xd342b400 0x00004200 0x0065ffa5
          f64.const 0x0p+0 (;=0;)
          drop
          local.set 18
          drop
          drop
          drop
          drop
          local.get 18
          call 128
        end
        i8x16.extract_lane_s 13
        if (result v128 i32 i64)  ;; label = @3
          local.get 6
          local.get 21
          local.get 26
          local.get 14
          local.get 27
          local.get 7
          local.set 5
          local.set 25
          local.set 13
          local.set 24
          local.set 20
          local.set 4
          local.get 5
          local.tee 3
          i32.const 15
          i32.and
          i32.const 1
          i32.const 0
          memory.init 1
          i32.const -4287
          if (result i32)  ;; label = @4
            local.get 0
            local.tee 0
          else
            local.get 2
          end
          if (result v128 i32 i64)  ;; label = @4
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            i32.const 106
            i64.const 2
          else
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            i32.const -1
            i64.const -1543385
          end
        else
          local.get 17
          local.get 8
          local.get 22
        end
        drop
        local.set 9
        drop
        local.get 9
        br_if 0 (;@2;)
        nop
      end
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end)
  (func (;126;) (type 60) (param f32) (result f32)
    local.get 0
    local.get 0
    f32.eq
    if (result f32)  ;; label = @1
      local.get 0
    else
      f32.const 0x0p+0 (;=0;)
    end)
  (func (;127;) (type 21) (param f64) (result f64)
    local.get 0
    local.get 0
    f64.eq
    if (result f64)  ;; label = @1
      local.get 0
    else
      f64.const 0x0p+0 (;=0;)
    end)
  (func (;128;) (type 19) (param v128) (result v128)
    local.get 0
    f32x4.extract_lane 0
    local.get 0
    f32x4.extract_lane 0
    f32.eq
    local.get 0
    f32x4.extract_lane 1
    local.get 0
    f32x4.extract_lane 1
    f32.eq
    i32.and
    local.get 0
    f32x4.extract_lane 2
    local.get 0
    f32x4.extract_lane 2
    f32.eq
    local.get 0
    f32x4.extract_lane 3
    local.get 0
    f32x4.extract_lane 3
    f32.eq
    i32.and
    i32.and
    if (result v128)  ;; label = @1
      local.get 0
    else
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end)
  (table (;0;) 39 funcref)
  (memory (;0;) 16 16)
  (global (;1;) (mut i32) (i32.const 454909806))
  (global (;2;) (mut f64) (f64.const -0x1p+59 (;=-5.76461e+17;)))
  (global (;3;) (mut i32) (i32.const 254))
  (global (;4;) f64 (f64.const -0x1.f2a6e4d731c18p+1017 (;=-2.73567e+306;)))
  (global (;5;) (mut i32) (i32.const 25))
  (global (;6;) v128 (v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000))
  (global (;7;) f32 (f32.const -0x1.ffff32p+14 (;=-32767.8;)))
  (global (;8;) f32 (f32.const 0x1.ff64p+15 (;=65458;)))
  (global (;9;) f32 (f32.const -0x1.fffc4ap+11 (;=-4095.88;)))
  (global (;10;) i64 (i64.const -2147483647))
  (global (;11;) f32 (f32.const 0x0p+0 (;=0;)))
  (global (;12;) funcref (ref.func 8))
  (global (;13;) f32 (f32.const 0x1p+0 (;=1;)))
  (global (;14;) i32 (i32.const -33554433))
  (global (;15;) i64 (i64.const -2147483647))
  (global (;16;) (mut i32) (i32.const 100))
  (export "global$" (global 1))
  (export "global$_3" (global 5))
  (export "global$_4" (global 6))
  (export "global$_5" (global 7))
  (export "global$_6" (global 8))
  (export "global$_8" (global 10))
  (export "ref_func_target_invoker" (func 9))
  (export "func" (func 10))
  (export "func_invoker" (func 11))
  (export "func_12_invoker" (func 13))
  (export "func_14" (func 14))
  (export "func_14_invoker" (func 15))
  (export "func_16" (func 16))
  (export "func_19" (func 19))
  (export "func_19_invoker" (func 20))
  (export "func_21_invoker" (func 22))
  (export "func_23_invoker" (func 24))
  (export "func_25" (func 25))
  (export "func_26_invoker" (func 27))
  (export "func_28_invoker" (func 29))
  (export "func_30" (func 30))
  (export "func_31_invoker" (func 32))
  (export "func_33_invoker" (func 34))
  (export "func_35_invoker" (func 36))
  (export "func_37_invoker" (func 38))
  (export "func_39_invoker" (func 40))
  (export "func_41" (func 41))
  (export "func_41_invoker" (func 42))
  (export "func_43" (func 43))
  (export "func_43_invoker" (func 44))
  (export "func_45" (func 45))
  (export "func_45_invoker" (func 46))
  (export "func_48" (func 48))
  (export "func_48_invoker" (func 49))
  (export "func_50" (func 50))
  (export "func_51" (func 51))
  (export "func_51_invoker" (func 52))
  (export "func_54" (func 54))
  (export "func_54_invoker" (func 55))
  (export "func_56_invoker" (func 57))
  (export "func_58" (func 58))
  (export "func_58_invoker" (func 59))
  (export "func_60" (func 60))
  (export "func_60_invoker" (func 61))
  (export "func_62" (func 62))
  (export "func_64_invoker" (func 65))
  (export "func_68" (func 68))
  (export "func_69_invoker" (func 70))
  (export "func_71" (func 71))
  (export "func_72" (func 72))
  (export "func_72_invoker" (func 73))
  (export "func_75_invoker" (func 76))
  (export "func_77_invoker" (func 78))
  (export "func_79_invoker" (func 80))
  (export "func_81" (func 81))
  (export "func_81_invoker" (func 82))
  (export "func_83_invoker" (func 84))
  (export "func_86" (func 86))
  (export "func_86_invoker" (func 87))
  (export "func_88" (func 88))
  (export "func_88_invoker" (func 89))
  (export "func_90" (func 90))
  (export "func_90_invoker" (func 91))
  (export "func_94_invoker" (func 95))
  (export "func_96" (func 96))
  (export "func_97" (func 97))
  (export "func_97_invoker" (func 98))
  (export "func_99_invoker" (func 100))
  (export "func_101" (func 101))
  (export "func_101_invoker" (func 102))
  (export "func_103" (func 103))
  (export "func_104_invoker" (func 105))
  (export "func_106" (func 106))
  (export "func_106_invoker" (func 107))
  (export "func_108" (func 108))
  (export "func_108_invoker" (func 109))
  (export "func_111_invoker" (func 112))
  (export "func_114" (func 114))
  (export "func_114_invoker" (func 115))
  (export "func_116_invoker" (func 117))
  (export "func_118_invoker" (func 119))
  (export "func_120_invoker" (func 121))
  (export "func_123" (func 123))
  (export "func_123_invoker" (func 124))
  (export "func_125" (func 125))
  (elem (;0;) (i32.const 0) func 12 21 21 26 26 26 26 30 30 37 37 43 43 43 50 51 53 56 58 60 60 64 64 72 86 86 86 97 99 101 101 103 103 103 111 113 116 123 123)
  (elem (;1;) declare func 6 10 106 108 117 122 18 19 20 22 27 33 39 41 54 55 63 67 81 2 3)
  (data (;0;) (i32.const 0) "")
  (data (;1;) "\b4@"))
