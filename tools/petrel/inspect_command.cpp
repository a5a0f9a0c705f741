#include "inspect_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>

#include "exit_status.hpp"
#include "module_file.hpp"
#include "native/native_code.hpp"
#include "native/section.hpp"
#include "native/trust.hpp"

namespace petrel::tools {
namespace {

// What a universal wasm's native section says, and what this host makes of it.
struct NativeSummary {
  size_t bytes = 0;  // the section's contents after its name
  std::optional<native::SectionHeader> header;
  std::string unreadable;  // why the section cannot be read (then no header)
  std::vector<std::string> authenticators;  // "machine key ID", "Ed25519 key HEX"
  std::string mismatch;  // why this host cannot run the code (empty: it can)
  std::string untrusted;  // why the user's trust policy refuses it (empty: trusted)
};

std::optional<NativeSummary> summarize_native(std::span<const uint8_t> bytes) {
  auto found = native::find_native_section(bytes);
  if (!found) return std::nullopt;
  NativeSummary s;
  s.bytes = found->payload.size();
  if (found->truncated) {
    s.unreadable = "the section is truncated";
    return s;
  }
  auto section = native::parse_native_section(found->payload);
  if (!section) {
    s.unreadable = section.error().message;
    return s;
  }
  s.header = section->header;
  for (const auto& a : section->authenticators) {
    auto hex = [&](size_t n) {
      std::string h;
      for (size_t i = 0; i < n && i < a.data.size(); ++i) h += fmt::format("{:02x}", a.data[i]);
      return h;
    };
    if (a.kind == native::AuthKind::MachineMac) s.authenticators.push_back("machine key " + hex(8));
    else if (a.kind == native::AuthKind::Ed25519) s.authenticators.push_back("Ed25519 key " + hex(32));
    else s.authenticators.push_back(fmt::format("unknown kind {}", static_cast<unsigned>(a.kind)));
  }
  std::span<const uint8_t> module = bytes.subspan(0, found->module_end);
  s.mismatch = native::header_mismatch(section->header, module, section->code);
  if (!found->is_last) s.mismatch = "the petrel.native section is not the module's last section";
  s.untrusted = native::why_untrusted(*section, module, native::TrustPolicy::for_user());
  return s;
}

std::string limits_text(const Limits& l, const char* unit) {
  return l.max ? fmt::format("min {} {}, max {}", l.min, unit, *l.max) : fmt::format("min {} {}, no max", l.min, unit);
}

// The type of entity `index` of kind `kind`, in words.
std::string extern_type(const Module& m, ExternKind kind, uint32_t index) {
  switch (kind) {
    case ExternKind::Func: return to_string(m.types[m.func_type_index(index)]);
    case ExternKind::Table: {
      auto t = m.table_type(index);
      return fmt::format("{}, {}", valtype_name(t.elem), limits_text(t.limits, "elements"));
    }
    case ExternKind::Memory: return limits_text(m.memory_type(index).limits, "pages");
    case ExternKind::Global: {
      auto g = m.global_type(index);
      return fmt::format("{}{}", g.mut ? "mut " : "", valtype_name(g.type));
    }
  }
  return "?";
}

// The index of each import within its kind's index space.
std::vector<uint32_t> import_indices(const Module& m) {
  uint32_t counts[4] = {0, 0, 0, 0};
  std::vector<uint32_t> out;
  for (const auto& imp : m.imports) out.push_back(counts[static_cast<int>(imp.kind)]++);
  return out;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    else out += c;
  }
  return out + "\"";
}

void print_text(const std::string& file, const Module& m, const std::optional<NativeSummary>& native) {
  fmt::print("{}\n", file);
  auto indices = import_indices(m);
  fmt::print("imports ({}):\n", m.imports.size());
  for (size_t i = 0; i < m.imports.size(); ++i) {
    const auto& imp = m.imports[i];
    fmt::print("  {} {}.{}: {}\n", extern_kind_name(imp.kind), imp.module, imp.name, extern_type(m, imp.kind, indices[i]));
  }
  fmt::print("exports ({}):\n", m.exports.size());
  for (const auto& e : m.exports) fmt::print("  {} {}: {}\n", extern_kind_name(e.kind), e.name, extern_type(m, e.kind, e.index));
  auto list = [&](const char* title, ExternKind kind, uint32_t total, uint32_t imported) {
    fmt::print("{} ({}):\n", title, total);
    for (uint32_t i = 0; i < total; ++i)
      fmt::print("  {}: {}{}\n", i, extern_type(m, kind, i), i < imported ? " (imported)" : "");
  };
  list("memories", ExternKind::Memory, m.total_memories(), m.num_imported_memories);
  list("tables", ExternKind::Table, m.total_tables(), m.num_imported_tables);
  list("globals", ExternKind::Global, m.total_globals(), m.num_imported_globals);
  if (m.start) {
    auto name = m.func_names.find(*m.start);
    fmt::print("start: function {}{}\n", *m.start, name == m.func_names.end() ? "" : " $" + name->second);
  } else {
    fmt::print("start: none\n");
  }
  fmt::print("custom sections ({}):\n", m.customs.size() + (native ? 1 : 0));
  for (const auto& c : m.customs) fmt::print("  {}: {} bytes\n", c.name, c.bytes.size());
  if (!native) return;
  fmt::print("  petrel.native: {} bytes\n", native->bytes);
  fmt::print("native code (petrel.native):\n");
  if (!native->header) {
    fmt::print("  unreadable: {}\n", native->unreadable);
    return;
  }
  const auto& h = *native->header;
  fmt::print("  ABI version: {}\n  target: {} {}\n  metered: {}\n", h.abi_version, h.platform, h.cpu,
             h.metered ? "yes" : "no");
  bool signed_ = false;
  for (const auto& a : native->authenticators) signed_ = signed_ || a.starts_with("Ed25519");
  fmt::print("  signed: {}\n", signed_ ? "yes" : "no");
  for (const auto& a : native->authenticators) fmt::print("  authenticated by: {}\n", a);
  fmt::print("  runs on this host: {}\n", native->mismatch.empty() ? "yes" : "no: " + native->mismatch);
  fmt::print("  trusted here: {}\n", native->untrusted.empty() ? "yes" : "no: " + native->untrusted);
}

void print_json(const std::string& file, const Module& m, const std::optional<NativeSummary>& native) {
  auto indices = import_indices(m);
  std::string out = "{\"file\":" + json_string(file) + ",\"imports\":[";
  for (size_t i = 0; i < m.imports.size(); ++i) {
    const auto& imp = m.imports[i];
    out += fmt::format("{}{{\"kind\":\"{}\",\"module\":{},\"name\":{},\"type\":{}}}", i ? "," : "",
                       extern_kind_name(imp.kind), json_string(imp.module), json_string(imp.name),
                       json_string(extern_type(m, imp.kind, indices[i])));
  }
  out += "],\"exports\":[";
  for (size_t i = 0; i < m.exports.size(); ++i) {
    const auto& e = m.exports[i];
    out += fmt::format("{}{{\"kind\":\"{}\",\"name\":{},\"type\":{}}}", i ? "," : "", extern_kind_name(e.kind),
                       json_string(e.name), json_string(extern_type(m, e.kind, e.index)));
  }
  auto limits = [](const Limits& l) {
    return fmt::format("\"min\":{},\"max\":{}", l.min, l.max ? std::to_string(*l.max) : "null");
  };
  out += "],\"memories\":[";
  for (uint32_t i = 0; i < m.total_memories(); ++i)
    out += fmt::format("{}{{{},\"imported\":{}}}", i ? "," : "", limits(m.memory_type(i).limits),
                       i < m.num_imported_memories);
  out += "],\"tables\":[";
  for (uint32_t i = 0; i < m.total_tables(); ++i) {
    auto t = m.table_type(i);
    out += fmt::format("{}{{\"element\":\"{}\",{},\"imported\":{}}}", i ? "," : "", valtype_name(t.elem),
                       limits(t.limits), i < m.num_imported_tables);
  }
  out += "],\"globals\":[";
  for (uint32_t i = 0; i < m.total_globals(); ++i) {
    auto g = m.global_type(i);
    out += fmt::format("{}{{\"type\":\"{}\",\"mutable\":{},\"imported\":{}}}", i ? "," : "", valtype_name(g.type),
                       g.mut, i < m.num_imported_globals);
  }
  out += fmt::format("],\"start\":{},\"custom_sections\":[", m.start ? std::to_string(*m.start) : "null");
  for (size_t i = 0; i < m.customs.size(); ++i)
    out += fmt::format("{}{{\"name\":{},\"bytes\":{}}}", i ? "," : "", json_string(m.customs[i].name),
                       m.customs[i].bytes.size());
  if (native)
    out += fmt::format("{}{{\"name\":\"petrel.native\",\"bytes\":{}}}", m.customs.empty() ? "" : ",", native->bytes);
  out += "],\"native\":";
  if (!native) {
    out += "null";
  } else if (!native->header) {
    out += fmt::format("{{\"unreadable\":{}}}", json_string(native->unreadable));
  } else {
    const auto& h = *native->header;
    std::string auths;
    bool signed_ = false;
    for (const auto& a : native->authenticators) {
      auths += (auths.empty() ? "" : ",") + json_string(a);
      signed_ = signed_ || a.starts_with("Ed25519");
    }
    auto verdict = [](const std::string& why) { return why.empty() ? std::string("true") : "false"; };
    out += fmt::format(
        "{{\"abi_version\":{},\"platform\":{},\"cpu\":{},\"metered\":{},\"signed\":{},\"authenticators\":[{}],"
        "\"runs_on_this_host\":{},\"mismatch\":{},\"trusted\":{},\"untrusted_why\":{}}}",
        h.abi_version, json_string(h.platform), json_string(h.cpu), h.metered, signed_, auths,
        verdict(native->mismatch), json_string(native->mismatch), verdict(native->untrusted),
        json_string(native->untrusted));
  }
  fmt::print("{}}}\n", out);
}

}  // namespace

void add_inspect_options(CLI::App& inspect, InspectOptions& o) {
  inspect.add_flag("--json", o.json, "Print one JSON object instead of text");
  inspect.add_option("file", o.file, "The module: binary .wasm (plain or universal) or text .wat")
      ->required()
      ->type_name("FILE");
  inspect.footer(
      "Types are [params] -> [results]; memory limits in 64 KiB pages. \"trusted here\" applies your trust\n"
      "policy (~/.config/petrel: machine.key, trusted-keys/), as `petrel run` would without --trust.");
}

int inspect_command(const InspectOptions& o) {
  auto lm = load_module_file(o.file, {.use_native = false});
  if (!lm) {
    fmt::print(stderr, "petrel: {}\n", lm.error().message);
    return kExitError;
  }
  auto bytes = read_file_bytes(o.file);
  if (!bytes) {
    fmt::print(stderr, "petrel: {}\n", bytes.error().message);
    return kExitError;
  }
  std::span<const uint8_t> raw(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
  auto native = summarize_native(raw);
  if (o.json) print_json(o.file, (*lm)->ir, native);
  else print_text(o.file, (*lm)->ir, native);
  return 0;
}

}  // namespace petrel::tools
