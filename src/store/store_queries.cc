#include "store/store_queries.h"

#include <fmt/format.h>

namespace jr::store_sql {
namespace {

// Accepted declarations of the years [first, last], per assignment and year, joined
// with their assignment `a`; `d.cents` is the sum.
std::string PerAssignmentInYears(const char* first, const char* last) {
  return fmt::format(
      "(SELECT assignment, year, sum(amount_cents) AS cents FROM declaration x "
      "WHERE year BETWEEN {} AND {} AND {} GROUP BY assignment, year) d "
      "JOIN assignment a ON a.number = d.assignment ",
      first, last, Accepted("x"));
}

constexpr const char* kJoinProduct =
    "JOIN product p ON p.category = a.category AND p.code = a.product_code ";

}  // namespace

std::string Accepted(const char* alias) {
  return fmt::format(
      "NOT EXISTS (SELECT 1 FROM finding f WHERE f.assignment = {0}.assignment AND "
      "f.start_day = {0}.start_day AND f.declaration = {0}.number AND "
      "f.status = 'afgewezen')",
      alias);
}

std::string UseByMunicipalityYearBucket(const char* first, const char* last) {
  return fmt::format(
      "SELECT a.municipality, d.year, p.bucket, CAST(sum(d.cents) AS bigint), "
      "count(DISTINCT a.client), count(*) FROM {}{}"
      "GROUP BY a.municipality, d.year, p.bucket "
      "ORDER BY a.municipality, d.year, p.bucket",
      PerAssignmentInYears(first, last), kJoinProduct);
}

std::string UseByMunicipalityYear(const char* first, const char* last) {
  return fmt::format(
      "SELECT a.municipality, d.year, CAST(sum(d.cents) AS bigint), "
      "count(DISTINCT a.client), count(*) FROM {}"
      "GROUP BY a.municipality, d.year ORDER BY a.municipality, d.year",
      PerAssignmentInYears(first, last));
}

std::string ClientYearCosts(const char* first, const char* last) {
  return fmt::format(
      "SELECT a.client, a.municipality, d.year, p.bucket, CAST(sum(d.cents) AS bigint) "
      "FROM {}{}"
      "GROUP BY a.client, a.municipality, d.year, p.bucket "
      "ORDER BY a.municipality, d.year, a.client, p.bucket",
      PerAssignmentInYears(first, last), kJoinProduct);
}

}  // namespace jr::store_sql
