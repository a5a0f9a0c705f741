// The vector functions of every wasm_*_vec_t: value vectors copy their elements, pointer
// vectors own theirs (copy deep-copies, delete deletes each).
#include <cstdlib>

#include "api/c/objects.hpp"

namespace {

template <typename Vec, typename T>
void vec_new_uninitialized(Vec* out, size_t size) {
  out->size = size;
  out->data = size ? new T[size]() : nullptr;
}
template <typename Vec, typename T>
void vec_new(Vec* out, size_t size, T const data[]) {
  vec_new_uninitialized<Vec, T>(out, size);
  for (size_t i = 0; i < size; ++i) out->data[i] = data[i];
}

}  // namespace

#define PETREL_VEC_COMMON(name, T)                                                                           \
  void wasm_##name##_vec_new_empty(wasm_##name##_vec_t* out) {                                               \
    out->size = 0;                                                                                           \
    out->data = nullptr;                                                                                     \
  }                                                                                                          \
  void wasm_##name##_vec_new_uninitialized(wasm_##name##_vec_t* out, size_t size) {                          \
    vec_new_uninitialized<wasm_##name##_vec_t, T>(out, size);                                                \
  }                                                                                                          \
  void wasm_##name##_vec_new(wasm_##name##_vec_t* out, size_t size, T const data[]) {                        \
    vec_new<wasm_##name##_vec_t, T>(out, size, data);                                                        \
  }

// Vectors of plain values.
#define PETREL_VEC_VALUES(name, T)                                                                           \
  PETREL_VEC_COMMON(name, T)                                                                                 \
  void wasm_##name##_vec_copy(wasm_##name##_vec_t* out, const wasm_##name##_vec_t* src) {                    \
    vec_new<wasm_##name##_vec_t, T>(out, src->size, src->data);                                              \
  }                                                                                                          \
  void wasm_##name##_vec_delete(wasm_##name##_vec_t* vec) {                                                  \
    delete[] vec->data;                                                                                      \
    vec->data = nullptr;                                                                                     \
    vec->size = 0;                                                                                           \
  }

// Vectors of owned pointers.
#define PETREL_VEC_OWNED(name)                                                                               \
  PETREL_VEC_COMMON(name, wasm_##name##_t*)                                                                  \
  void wasm_##name##_vec_copy(wasm_##name##_vec_t* out, const wasm_##name##_vec_t* src) {                    \
    vec_new_uninitialized<wasm_##name##_vec_t, wasm_##name##_t*>(out, src->size);                            \
    for (size_t i = 0; i < src->size; ++i) out->data[i] = src->data[i] ? wasm_##name##_copy(src->data[i]) : nullptr; \
  }                                                                                                          \
  void wasm_##name##_vec_delete(wasm_##name##_vec_t* vec) {                                                  \
    for (size_t i = 0; i < vec->size; ++i)                                                                   \
      if (vec->data[i]) wasm_##name##_delete(vec->data[i]);                                                  \
    delete[] vec->data;                                                                                      \
    vec->data = nullptr;                                                                                     \
    vec->size = 0;                                                                                           \
  }

extern "C" {
PETREL_VEC_VALUES(byte, wasm_byte_t)
PETREL_VEC_OWNED(valtype)
PETREL_VEC_OWNED(functype)
PETREL_VEC_OWNED(globaltype)
PETREL_VEC_OWNED(tabletype)
PETREL_VEC_OWNED(memorytype)
PETREL_VEC_OWNED(externtype)
PETREL_VEC_OWNED(importtype)
PETREL_VEC_OWNED(exporttype)
PETREL_VEC_OWNED(frame)
PETREL_VEC_OWNED(extern)

// Values own their references: copying copies them, deleting deletes them.
PETREL_VEC_COMMON(val, wasm_val_t)
void wasm_val_vec_copy(wasm_val_vec_t* out, const wasm_val_vec_t* src) {
  vec_new_uninitialized<wasm_val_vec_t, wasm_val_t>(out, src->size);
  for (size_t i = 0; i < src->size; ++i) wasm_val_copy(&out->data[i], &src->data[i]);
}
void wasm_val_vec_delete(wasm_val_vec_t* vec) {
  for (size_t i = 0; i < vec->size; ++i) wasm_val_delete(&vec->data[i]);
  delete[] vec->data;
  vec->data = nullptr;
  vec->size = 0;
}
}
