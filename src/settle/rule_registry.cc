#include "settle/rule_registry.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>

#include "settle/rules.h"

namespace jr::settle {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

// A whole number of at least min (and at most max, if given), or an error naming the
// rule and the argument.
Result<int64_t> ParseCount(std::string_view rule, std::string_view arg, int64_t min,
                           std::optional<int64_t> max = std::nullopt) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), v);
  if (ec != std::errc() || end != arg.data() + arg.size() || v < min ||
      (max && v > *max)) {
    if (!max) {
      return Status::Error(fmt::format(
          "regel '{}': '{}' is geen geheel getal van minstens {}", rule, arg, min));
    }
    return Status::Error(
        fmt::format("regel '{}': '{}' is geen geheel getal van {} tot en met {}", rule,
                    arg, min, *max));
  }
  return v;
}

// A number of years back: more than a century of history is a typing error.
constexpr int64_t kMaxYears = 100;

Result<std::string> ParseKeyName(std::string_view rule, std::string_view arg) {
  if (arg.empty()) {
    return Status::Error(
        fmt::format("regel '{}': de naam van de verdeelsleutel ontbreekt", rule));
  }
  return std::string(arg);
}

// One kind of simple rule: its name, its arguments after ':' and how to make it.
struct RuleKind {
  const char* name;
  size_t args;
  const char* usage;
  Result<RulePtr> (*make)(std::string_view text,
                          const std::vector<std::string_view>& args);
};

const RuleKind kKinds[] = {
    {"own", 0,
     "own                 elke gemeente betaalt haar eigen gebruik (profijtbeginsel)",
     [](std::string_view, const std::vector<std::string_view>&) -> Result<RulePtr> {
       return MakeOwnRule();
     }},
    {"key", 1,
     "key:<sleutel>       naar een verdeelsleutel van dat jaar: inwoners, jeugdigen, "
     "rijksbijdrage of een eigen sleutel (waarborg)",
     [](std::string_view text,
        const std::vector<std::string_view>& a) -> Result<RulePtr> {
       auto key = ParseKeyName(text, a[0]);
       if (!key.ok()) return key.status();
       return MakeKeyRule(*key);
     }},
    {"history", 1,
     "history:<n>         naar het aandeel in het gebruik van de n vorige jaren "
     "(vlaktaks)",
     [](std::string_view text,
        const std::vector<std::string_view>& a) -> Result<RulePtr> {
       auto n = ParseCount(text, a[0], 1, kMaxYears);
       if (!n.ok()) return n.status();
       return MakeHistoryRule(static_cast<int>(*n));
     }},
    {"clients", 1, "clients:<lag>       naar het aantal cliënten in jaar t - lag",
     [](std::string_view text,
        const std::vector<std::string_view>& a) -> Result<RulePtr> {
       auto lag = ParseCount(text, a[0], 0, kMaxYears);
       if (!lag.ok()) return lag.status();
       return MakeClientsRule(static_cast<int>(*lag));
     }},
    {"pool", 2,
     "pool:<euro>:<sleutel>  per cliënt gaat het deel boven de drempel (hele euro's) in "
     "een "
     "pot die naar de sleutel wordt verdeeld; de rest is eigen gebruik",
     [](std::string_view text,
        const std::vector<std::string_view>& a) -> Result<RulePtr> {
       auto euros = ParseCount(text, a[0], 1);
       if (!euros.ok()) return euros.status();
       auto key = ParseKeyName(text, a[1]);
       if (!key.ok()) return key.status();
       auto threshold = Money::CheckedMul(Money::FromCents(*euros), 100);
       if (!threshold.ok()) {
         return Status::Error(
             fmt::format("regel '{}': drempel {} euro is te groot", text, *euros));
       }
       return MakePoolRule(*threshold, *key);
     }},
};

Status UnknownRule(std::string_view text) {
  std::string known;
  for (const RuleKind& k : kKinds)
    known += fmt::format("{}{}", known.empty() ? "" : ", ", k.name);
  return Status::Error(fmt::format(
      "onbekende regel '{}'; bekend zijn {}, mengvormen (0.5*own + 0.5*key:inwoners) en "
      "phase(<jaar>: <regel>; ...)",
      text, known));
}

Result<RulePtr> ParseSimple(std::string_view text) {
  std::vector<std::string_view> parts = SplitOn(text, ':');
  for (const RuleKind& k : kKinds) {
    if (parts[0] != k.name) continue;
    if (parts.size() != k.args + 1) {
      return Status::Error(fmt::format("regel '{}' heeft {} argument(en) nodig: {}", text,
                                       k.args, k.usage));
    }
    return k.make(text, {parts.begin() + 1, parts.end()});
  }
  return UnknownRule(text);
}

Result<RulePtr> ParseBlend(std::string_view text) {
  std::vector<std::pair<double, RulePtr>> terms;
  double sum = 0;
  for (std::string_view term : SplitOn(text, '+')) {
    size_t star = term.find('*');
    if (star == std::string_view::npos) {
      return Status::Error(fmt::format(
          "mengvorm '{}': term '{}' heeft geen gewicht (schrijf bijvoorbeeld 0.5*own)",
          text, term));
    }
    std::string_view w = Trim(term.substr(0, star));
    double weight = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), weight);
    if (ec != std::errc() || end != w.data() + w.size() || !(weight > 0)) {
      return Status::Error(
          fmt::format("mengvorm '{}': gewicht '{}' is geen getal groter dan 0", text, w));
    }
    auto rule = ParseSimple(Trim(term.substr(star + 1)));
    if (!rule.ok()) return rule.status();
    sum += weight;
    terms.emplace_back(weight, std::move(rule).value());
  }
  if (std::abs(sum - 1.0) > 1e-9) {
    return Status::Error(fmt::format(
        "mengvorm '{}': de gewichten tellen op tot {} in plaats van 1", text, sum));
  }
  return MakeBlendRule(std::move(terms));
}

Result<RulePtr> ParseSimpleOrBlend(std::string_view text) {
  if (text.find('+') != std::string_view::npos ||
      text.find('*') != std::string_view::npos) {
    return ParseBlend(text);
  }
  return ParseSimple(text);
}

Result<RulePtr> ParsePhase(std::string_view text) {
  std::string_view inner = Trim(text.substr(6, text.size() - 7));
  std::vector<std::pair<int, RulePtr>> entries;
  for (std::string_view entry : SplitOn(inner, ';')) {
    size_t colon = entry.find(':');
    auto year = ParseCount(
        text,
        Trim(entry.substr(0, colon == std::string_view::npos ? entry.size() : colon)), 1,
        9999);
    if (colon == std::string_view::npos || !year.ok()) {
      return Status::Error(fmt::format(
          "ingroeipad '{}': '{}' is niet van de vorm <jaar>: <regel>", text, entry));
    }
    if (!entries.empty() && *year <= entries.back().first) {
      return Status::Error(fmt::format("ingroeipad '{}': jaar {} komt niet na jaar {}",
                                       text, *year, entries.back().first));
    }
    auto rule = ParseSimpleOrBlend(Trim(entry.substr(colon + 1)));
    if (!rule.ok()) return rule.status();
    entries.emplace_back(static_cast<int>(*year), std::move(rule).value());
  }
  return MakePhaseRule(std::move(entries));
}

}  // namespace

Result<RulePtr> ParseRule(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return Status::Error("lege regel");
  if (text.starts_with("phase(") && text.ends_with(")")) return ParsePhase(text);
  return ParseSimpleOrBlend(text);
}

std::vector<std::string> RuleUsage() {
  std::vector<std::string> out;
  for (const RuleKind& k : kKinds) out.push_back(k.usage);
  out.push_back("<w>*<regel> + <w>*<regel>  mengvorm; gewichten groter dan 0, samen 1");
  out.push_back(
      "phase(<jaar>: <regel>; <jaar>: <regel>)  ingroeipad van regels per jaar");
  return out;
}

}  // namespace jr::settle
