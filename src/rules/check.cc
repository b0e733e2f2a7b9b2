#include "rules/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "rules/ijw_lines.h"
#include "rules/rule_set.h"

namespace jr::rules {
namespace {

// Checks whole assignments of `lines` (which holds only complete assignments).
using SpendMap = std::map<std::tuple<std::string, int, std::string>, ProviderSpend>;

// The accepted amount of `d` for its days after `ref` in ref's year, pro rata per day
// (rounded down to the cent); 0 for a line that starts after `ref`.
Money DeclaredAfter(const Declaration& d, Date ref) {
  const int after = DayNumber(ref) + 1;
  const int year_end = DayNumber((ref.year() + std::chrono::years(1)) / 1 / 1);
  const int start = DayNumber(d.start), end = std::min(DayNumber(d.end), year_end);
  if (start >= after || end <= after) return Money();
  const int64_t days = DayNumber(d.end) - start;
  return Money::FromCents(d.amount.cents() * (end - after) / days);
}

void CheckBatch(const RuleContext& ctx, std::span<const Declaration> lines,
                int first_year, int last_year, std::optional<Date> ref,
                CheckResult* result, SpendMap* spend) {
  FindingSink sink(&result->findings, first_year, last_year);
  ProviderSpend* last = nullptr;  // the spend of the previous line
  std::string last_category, last_code;
  size_t begin = 0;
  while (begin < lines.size()) {
    size_t end = begin + 1;
    while (end < lines.size() && lines[end].assignment == lines[begin].assignment) ++end;
    AssignmentLines group{ctx.FindAssignment(lines[begin].assignment),
                          lines.subspan(begin, end - begin)};
    size_t before = result->findings.size();
    CheckAssignment(group, ctx, &sink);
    // The amount of each new finding's line (a group's findings are few).
    for (size_t f = before; f < result->findings.size(); ++f) {
      Money amount;
      for (size_t i = begin; i < end; ++i) {
        if (lines[i].start == result->findings[f].start &&
            lines[i].number == result->findings[f].declaration) {
          amount = lines[i].amount;
          break;
        }
      }
      result->amounts.push_back(amount);
    }
    // The accepted lines' spend, for ceilings and commitments.
    for (size_t i = begin; i < end; ++i) {
      const Declaration& d = lines[i];
      Date last_day = FromDayNumber(DayNumber(d.end) - 1);
      if (!result->last_day || last_day > *result->last_day) result->last_day = last_day;
      if (!sink.InYears(d)) continue;
      ++result->lines;
      bool rejected = false;
      for (size_t f = before; f < result->findings.size(); ++f) {
        const Finding& x = result->findings[f];
        if (x.status == FindingStatus::kRejected && x.start == d.start &&
            x.declaration == d.number) {
          rejected = true;
          break;
        }
      }
      if (rejected || group.assignment == nullptr) continue;
      if (ref) {
        if (Money m = DeclaredAfter(d, *ref); m != Money()) {
          result->declared_after[d.assignment] += m;
        }
      }
      int year = static_cast<int>(d.start.year());
      // Consecutive lines mostly share provider, year and product: look up once.
      if (last == nullptr || last->year != year || last->agb != d.agb ||
          last_category != d.category || last_code != d.product_code) {
        const Product* p = ctx.FindProduct(d.category, d.product_code);
        std::string lot = p ? p->bucket : "";
        auto [it, added] = spend->try_emplace(std::make_tuple(d.agb, year, lot));
        if (added) {
          it->second.agb = d.agb;
          it->second.year = year;
          it->second.lot = lot;
        }
        last = &it->second;
        last_category = d.category;
        last_code = d.product_code;
      }
      last->months[static_cast<unsigned>(d.start.month()) - 1] += d.amount;
    }
    begin = end;
  }
  result->lines_read += static_cast<int64_t>(lines.size());
}

void Finish(CheckResult* r) {
  auto key = [](const Finding& f) {
    return std::tie(f.assignment, f.start, f.declaration, f.rule, f.code);
  };
  std::vector<size_t> order(r->findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return key(r->findings[a]) < key(r->findings[b]);
  });
  std::vector<Finding> findings;
  std::vector<Money> amounts;
  findings.reserve(order.size());
  amounts.reserve(order.size());
  for (size_t i : order) {
    findings.push_back(std::move(r->findings[i]));
    amounts.push_back(r->amounts[i]);
  }
  r->findings = std::move(findings);
  r->amounts = std::move(amounts);
  // Counted per line.
  r->rejected_lines = r->signal_lines = 0;
  for (size_t i = 0; i < r->findings.size();) {
    size_t j = i;
    bool rejected = false;
    while (j < r->findings.size() &&
           r->findings[j].assignment == r->findings[i].assignment &&
           r->findings[j].start == r->findings[i].start &&
           r->findings[j].declaration == r->findings[i].declaration) {
      rejected = rejected || r->findings[j].status == FindingStatus::kRejected;
      ++j;
    }
    ++(rejected ? r->rejected_lines : r->signal_lines);
    i = j;
  }
}

// A batch of complete assignments handed from the reader to a worker.
constexpr size_t kBatchLines = 16384;

}  // namespace

CheckResult CheckLines(const RuleContext& ctx, std::span<const Declaration> lines,
                       int first_year, int last_year) {
  CheckResult r;
  SpendMap spend;
  CheckBatch(ctx, lines, first_year, last_year, std::nullopt, &r, &spend);
  for (auto& [k, v] : spend) r.spend.push_back(std::move(v));
  r.fingerprint = ctx.rules().Fingerprint();
  Finish(&r);
  return r;
}

Result<CheckResult> ComputeCheck(const Store& store, const CheckOptions& options) {
  auto ctx = RuleContext::Build(store, options.rules);
  if (!ctx.ok()) return ctx.status();
  const int first = options.first_year, last = options.last_year;
  const std::optional<Date> ref = options.reference_date;
  const int workers = std::max(0, options.threads);

  std::vector<CheckResult> parts(std::max(1, workers));
  std::vector<SpendMap> spends(parts.size());
  // Batches are queued for the workers; the reader waits when too many are waiting.
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::vector<Declaration>> queue;
  bool done = false;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (;;) {
        std::vector<Declaration> batch;
        {
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return done || !queue.empty(); });
          if (queue.empty()) return;
          batch = std::move(queue.front());
          queue.pop_front();
        }
        cv.notify_all();
        CheckBatch(*ctx, batch, first, last, ref, &parts[w], &spends[w]);
      }
    });
  }
  auto hand_over = [&](std::vector<Declaration>* batch) {
    if (workers == 0) {
      CheckBatch(*ctx, *batch, first, last, ref, &parts[0], &spends[0]);
      batch->clear();
      return;
    }
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return queue.size() < 2 * static_cast<size_t>(workers) + 2; });
      queue.push_back(std::move(*batch));
    }
    cv.notify_all();
    batch->clear();
    batch->reserve(kBatchLines + 64);
  };

  std::vector<Declaration> batch;
  batch.reserve(kBatchLines + 64);
  int64_t read = 0;
  Status s = store.ForEachDeclaration([&](const Declaration& d) {
    // Hand over at an assignment boundary only.
    if (batch.size() >= kBatchLines && batch.back().assignment != d.assignment) {
      hand_over(&batch);
    }
    batch.push_back(d);
    if (++read % 250000 == 0 && options.progress) options.progress(read);
  });
  if (!batch.empty()) hand_over(&batch);
  {
    std::lock_guard lock(mu);
    done = true;
  }
  cv.notify_all();
  for (auto& t : threads) t.join();
  if (!s.ok()) return s;

  CheckResult result;
  SpendMap spend;
  for (SpendMap& m : spends) {
    for (auto& [k, v] : m) {
      auto [it, added] = spend.try_emplace(k, v);
      if (!added) {
        for (int i = 0; i < 12; ++i) it->second.months[i] += v.months[i];
      }
    }
  }
  for (auto& [k, v] : spend) result.spend.push_back(std::move(v));
  for (CheckResult& p : parts) {
    if (p.last_day && (!result.last_day || *p.last_day > *result.last_day)) {
      result.last_day = p.last_day;
    }
    result.lines += p.lines;
    result.lines_read += p.lines_read;
    for (auto& [k, v] : p.declared_after) result.declared_after[k] += v;
    std::move(p.findings.begin(), p.findings.end(), std::back_inserter(result.findings));
    result.amounts.insert(result.amounts.end(), p.amounts.begin(), p.amounts.end());
  }
  // The JW323 lines that became no declaration row (9338, 8021).
  if (store.KeepsIjw()) {
    auto messages = store.LoadIjwMessages();
    if (!messages.ok()) return messages.status();
    auto ijw_lines = store.LoadIjwLines();
    if (!ijw_lines.ok()) return ijw_lines.status();
    FindingSink sink(&result.findings, first, last);
    result.lines +=
        CheckUnstoredIjwLines(*messages, *ijw_lines, *ctx, &sink, &result.amounts);
  }
  result.reference_date = ref;
  result.fingerprint = options.rules.Fingerprint();
  Finish(&result);
  return result;
}

Result<CheckResult> RunCheck(Store& store, const CheckOptions& options) {
  auto computed = ComputeCheck(store, options);
  if (!computed.ok()) return computed.status();
  const CheckResult& result = computed.value();
  const int first = options.first_year, last = options.last_year;
  auto tx = Transaction::Begin(store);
  if (!tx.ok()) return tx.status();
  if (Status r = store.ReplaceFindings(first, last, result.findings); !r.ok()) return r;
  if (Status r = store.SetMeta(kFingerprintMeta, result.fingerprint); !r.ok()) return r;
  if (Status r =
          store.SetMeta(kCheckedYearsMeta, first <= 0 && last >= 9999
                                               ? std::string("alle")
                                               : fmt::format("{}-{}", first, last));
      !r.ok()) {
    return r;
  }
  if (Status r = store.SetMeta(kRulesFileMeta, options.rules_file); !r.ok()) return r;
  if (Status r = tx.value().Commit(); !r.ok()) return r;
  return computed;
}

}  // namespace jr::rules
