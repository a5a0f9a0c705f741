// The demo's WASI program: reads every file below the directory IN (granted with --dir), counts
// the identifiers and words in them, prints a summary and the most frequent ones, and writes
// the whole table to OUT/words.tsv (OUT granted too). It sees nothing but those two folders.
// Usage: wordfreq IN OUT [TOP]
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { kMaxWord = 64 };

typedef struct {
  char* word;  // NULL: an empty slot
  uint64_t count;
} Entry;

// Open addressing with linear probing; grows at half full.
typedef struct {
  Entry* slots;
  size_t capacity, used;
} Table;

typedef struct {
  uint64_t files, bytes, lines, words;
} Totals;

static uint64_t hash_word(const char* s, size_t n) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (size_t i = 0; i < n; ++i) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static void table_grow(Table* t) {
  size_t capacity = t->capacity ? t->capacity * 2 : 1024;
  Entry* slots = calloc(capacity, sizeof(Entry));
  if (!slots) {
    fprintf(stderr, "wordfreq: out of memory\n");
    exit(1);
  }
  for (size_t i = 0; i < t->capacity; ++i) {
    if (!t->slots[i].word) continue;
    size_t j = hash_word(t->slots[i].word, strlen(t->slots[i].word)) & (capacity - 1);
    while (slots[j].word) j = (j + 1) & (capacity - 1);
    slots[j] = t->slots[i];
  }
  free(t->slots);
  t->slots = slots;
  t->capacity = capacity;
}

static void table_add(Table* t, const char* s, size_t n) {
  if (2 * (t->used + 1) > t->capacity) table_grow(t);
  size_t j = hash_word(s, n) & (t->capacity - 1);
  while (t->slots[j].word) {
    if (strncmp(t->slots[j].word, s, n) == 0 && t->slots[j].word[n] == '\0') {
      ++t->slots[j].count;
      return;
    }
    j = (j + 1) & (t->capacity - 1);
  }
  t->slots[j].word = strndup(s, n);
  t->slots[j].count = 1;
  ++t->used;
}

// Words are runs of letters, digits and '_' that start with a letter, of 3 to 64 characters.
static void count_words(Table* t, Totals* totals, const char* text, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (text[i] == '\n') ++totals->lines;
    if (!isalpha((unsigned char)text[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < n && (isalnum((unsigned char)text[i]) || text[i] == '_')) ++i;
    if (i - start >= 3 && i - start <= kMaxWord) {
      table_add(t, text + start, i - start);
      ++totals->words;
    }
  }
}

static int count_file(Table* t, Totals* totals, const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "wordfreq: %s: %s\n", path, strerror(errno));
    return -1;
  }
  static char buffer[1 << 16];
  char* text = NULL;
  size_t size = 0, got;
  while ((got = fread(buffer, 1, sizeof buffer, f)) > 0) {
    char* grown = realloc(text, size + got);
    if (!grown) {
      fprintf(stderr, "wordfreq: out of memory\n");
      exit(1);
    }
    text = grown;
    memcpy(text + size, buffer, got);
    size += got;
  }
  fclose(f);
  count_words(t, totals, text, size);
  free(text);
  ++totals->files;
  totals->bytes += size;
  return 0;
}

static int walk(Table* t, Totals* totals, const char* dir) {
  DIR* d = opendir(dir);
  if (!d) {
    fprintf(stderr, "wordfreq: %s: %s\n", dir, strerror(errno));
    return -1;
  }
  int status = 0;
  struct dirent* e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) status |= walk(t, totals, path);
    else if (S_ISREG(st.st_mode)) status |= count_file(t, totals, path);
  }
  closedir(d);
  return status;
}

static int by_count(const void* a, const void* b) {
  const Entry* x = a;
  const Entry* y = b;
  if (x->count != y->count) return x->count < y->count ? 1 : -1;
  return strcmp(x->word, y->word);
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: wordfreq IN OUT [TOP]\n");
    return 2;
  }
  int top = argc > 3 ? atoi(argv[3]) : 10;
  Table table = {0};
  Totals totals = {0};
  if (walk(&table, &totals, argv[1]) != 0) return 1;

  // Compact the table to its entries, most frequent first.
  size_t n = 0;
  for (size_t i = 0; i < table.capacity; ++i)
    if (table.slots[i].word) table.slots[n++] = table.slots[i];
  qsort(table.slots, n, sizeof(Entry), by_count);

  char out_path[4096];
  snprintf(out_path, sizeof out_path, "%s/words.tsv", argv[2]);
  FILE* out = fopen(out_path, "w");
  if (!out) {
    fprintf(stderr, "wordfreq: %s: %s\n", out_path, strerror(errno));
    return 1;
  }
  for (size_t i = 0; i < n; ++i) fprintf(out, "%llu\t%s\n", (unsigned long long)table.slots[i].count, table.slots[i].word);
  if (fclose(out) != 0) {
    fprintf(stderr, "wordfreq: %s: %s\n", out_path, strerror(errno));
    return 1;
  }

  printf("%llu files, %llu bytes, %llu lines, %llu words, %zu different\n", (unsigned long long)totals.files,
         (unsigned long long)totals.bytes, (unsigned long long)totals.lines, (unsigned long long)totals.words, n);
  printf("most frequent:");
  for (size_t i = 0; i < n && i < (size_t)top; ++i)
    printf(" %s(%llu)", table.slots[i].word, (unsigned long long)table.slots[i].count);
  printf("\nwrote %s (%zu lines)\n", out_path, n);
  return 0;
}
