#include "decode/damage.hpp"

#include <algorithm>

namespace vn::decode {
namespace {

std::string bytes_at(const DamagedSpan& s) {
  if (s.length == 1) return "byte " + std::to_string(s.offset);
  return "bytes " + std::to_string(s.offset) + "-" + std::to_string(s.offset + s.length - 1);
}

std::string describe_span(const DamagedSpan& s) {
  switch (s.kind) {
    case DamagedSpan::Kind::kNul: return "NUL at " + bytes_at(s);
    case DamagedSpan::Kind::kInvalidUtf8: return "invalid UTF-8 at " + bytes_at(s);
    case DamagedSpan::Kind::kLegacy: return std::string(s.encoding) + " passage at " + bytes_at(s) + " (converted)";
  }
  return {};
}

}  // namespace

void Damage::add(const DamagedSpan& span) {
  if (span.kind != DamagedSpan::Kind::kLegacy) unreadable_ += span.length;
  if (!spans_.empty() && count_ == spans_.size()) {
    DamagedSpan& last = spans_.back();
    if (last.kind == span.kind && last.offset + last.length == span.offset && last.encoding == span.encoding) {
      last.length += span.length;
      return;
    }
  }
  ++count_;
  if (spans_.size() < kMaxKept) spans_.push_back(span);
}

const DamagedSpan* Damage::first(DamagedSpan::Kind kind) const {
  const DamagedSpan* found = nullptr;
  for (const DamagedSpan& s : spans_)
    if (s.kind == kind && (!found || s.offset < found->offset)) found = &s;
  return found;
}

std::string Damage::describe(size_t max_listed) const {
  std::vector<DamagedSpan> sorted = spans_;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.offset < b.offset; });
  std::string out;
  const size_t listed = std::min(max_listed, sorted.size());
  for (size_t i = 0; i < listed; ++i) out += (i ? ", " : "") + describe_span(sorted[i]);
  if (count_ > listed) out += ", and " + std::to_string(count_ - listed) + " more";
  return out;
}

}  // namespace vn::decode
