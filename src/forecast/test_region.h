// Hand-made calibrations for the forecast's tests: one municipality and groups with one
// product each of a fixed monthly cost, without seasons or indexation, so that a test's
// expected values follow by hand from its durations, re-indications and costs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "forecast/calibration.h"

namespace jr::forecast::testing {

// One municipality, GM0001 "Een" with 1.000 young people, from January of `year`.
inline Calibration OneMunicipality(int year) {
  Calibration c;
  c.start_month = year * 12;
  c.base_year = year;
  c.level_month = c.start_month;
  c.municipalities = {"GM0001"};
  c.municipality_names = {"Een"};
  c.young_people = {{{year, 1000.0}}};
  return c;
}

// Adds group `name` with one product `key` ("45/45A01") of `monthly_cost` cents a month
// and duration `curve`; an ended assignment is re-indicated with probability
// `reindication` into the groups of `follow` (shares per group). Returns its index.
inline int AddGroup(Calibration& c, std::string name, const std::string& key,
                    double monthly_cost, const SurvivalCurve& curve, double reindication,
                    std::vector<double> follow) {
  const int g = static_cast<int>(c.groups.size());
  GroupParams gp;
  gp.name = std::move(name);
  gp.duration = curve;
  gp.reindication = reindication;
  gp.follow = std::move(follow);
  gp.products = {static_cast<int>(c.products.size())};
  gp.product_share = {1.0};
  gp.inflow_season.fill(1);
  gp.cost_season.fill(1);
  gp.price_index[c.base_year] = 1;
  c.groups.push_back(std::move(gp));
  ProductParams p;
  p.key = key;
  p.code = key.substr(key.find('/') + 1);
  p.group = g;
  p.monthly_cost = {monthly_cost};
  p.mean_cost = monthly_cost;
  p.duration = curve;
  c.products.push_back(std::move(p));
  return g;
}

}  // namespace jr::forecast::testing
