// SIMD benchmark kernels: the same computations written with wasm_simd128.h intrinsics (when
// compiled with -msimd128) and as plain loops (without it). Only exact arithmetic is used
// (integers, element-wise floats), so both builds must print the same checksum.
#include <stdint.h>
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define N 4096
static uint8_t pixels[N];
static int16_t va[N], vb[N];
static float xs[N], ys[N];

static void init(void) {
  uint32_t s = 12345;
  for (int i = 0; i < N; ++i) {
    s = s * 1103515245u + 12345u;
    pixels[i] = (uint8_t)(s >> 16);
    va[i] = (int16_t)(s >> 8);
    vb[i] = (int16_t)(s >> 12);
    xs[i] = (float)(s >> 20) / 64.0f;
    ys[i] = (float)(i & 255);
  }
}

// Brighten an 8-bit image with saturation, then sum its bytes.
static uint32_t brighten(uint8_t amount) {
  uint32_t sum = 0;
#ifdef __wasm_simd128__
  v128_t add = wasm_u8x16_splat(amount);
  v128_t acc = wasm_i32x4_splat(0);
  for (int i = 0; i < N; i += 16) {
    v128_t p = wasm_u8x16_add_sat(wasm_v128_load(pixels + i), add);
    wasm_v128_store(pixels + i, p);
    v128_t w = wasm_u16x8_extadd_pairwise_u8x16(p);
    acc = wasm_i32x4_add(acc, wasm_u32x4_extadd_pairwise_u16x8(w));
  }
  sum = wasm_i32x4_extract_lane(acc, 0) + wasm_i32x4_extract_lane(acc, 1) + wasm_i32x4_extract_lane(acc, 2) +
        wasm_i32x4_extract_lane(acc, 3);
#else
  for (int i = 0; i < N; ++i) {
    unsigned v = pixels[i] + amount;
    pixels[i] = (uint8_t)(v > 255 ? 255 : v);
    sum += pixels[i];
  }
#endif
  for (int i = 0; i < N; ++i) pixels[i] = (uint8_t)(pixels[i] - amount);
  return sum;
}

// Dot product of 16-bit vectors with 32-bit wrapping accumulation.
static uint32_t dot(void) {
#ifdef __wasm_simd128__
  v128_t acc = wasm_i32x4_splat(0);
  for (int i = 0; i < N; i += 8) acc = wasm_i32x4_add(acc, wasm_i32x4_dot_i16x8(wasm_v128_load(va + i), wasm_v128_load(vb + i)));
  return (uint32_t)(wasm_i32x4_extract_lane(acc, 0) + wasm_i32x4_extract_lane(acc, 1) +
                    wasm_i32x4_extract_lane(acc, 2) + wasm_i32x4_extract_lane(acc, 3));
#else
  uint32_t acc = 0;
  for (int i = 0; i < N; ++i) acc += (uint32_t)((int32_t)va[i] * vb[i]);
  return acc;
#endif
}

// y = a*x + y, element-wise (same rounding in both builds), then a checksum of the bits.
static uint32_t saxpy(float a) {
#ifdef __wasm_simd128__
  v128_t va4 = wasm_f32x4_splat(a);
  for (int i = 0; i < N; i += 4)
    wasm_v128_store(ys + i, wasm_f32x4_add(wasm_f32x4_mul(va4, wasm_v128_load(xs + i)), wasm_v128_load(ys + i)));
#else
  for (int i = 0; i < N; ++i) ys[i] = a * xs[i] + ys[i];
#endif
  uint32_t h = 0;
  for (int i = 0; i < N; i += 64) {
    union { float f; uint32_t u; } c = {ys[i]};
    h = h * 31 + c.u;
  }
  for (int i = 0; i < N; ++i) ys[i] = (float)(i & 255);
  return h;
}

__attribute__((export_name("run"))) uint32_t run(uint32_t iterations) {
  init();
  uint32_t check = 0;
  for (uint32_t k = 0; k < iterations; ++k) check = check * 7 + brighten((uint8_t)(k & 63)) + dot() + saxpy(0.5f);
  return check;
}
