#include "rules/product_rules.h"

#include <fmt/format.h>

namespace jr::rules {

void AssignedProductRule::CheckLine(const Declaration& d, const Assignment& a,
                                    const RuleContext&, FindingSink* out) const {
  if (d.category != a.category) {
    out->Add(d, "9339", FindingStatus::kRejected, "category",
             fmt::format("productcategorie {} wijkt af van de toewijzing ({})",
                         d.category, a.category));
  }
  if (d.product_code != a.product_code) {
    out->Add(d, "9340", FindingStatus::kRejected, "product_code",
             fmt::format("productcode {} wijkt af van de toewijzing ({})", d.product_code,
                         a.product_code));
  }
  if (d.unit != a.unit) {
    out->Add(d, "9341", FindingStatus::kRejected, "unit",
             fmt::format("eenheid {} wijkt af van de toewijzing ({})", UnitCode(d.unit),
                         UnitCode(a.unit)));
  }
}

void CareClassRule::CheckLine(const Declaration& d, const Assignment&,
                              const RuleContext& ctx, FindingSink* out) const {
  const Product* p = ctx.FindProduct(d.category, d.product_code);
  if (p == nullptr) return;
  if (p->care_class == CareClass::kNot) {
    out->Add(d, "JR01", FindingStatus::kRejected, "product_code",
             fmt::format("product {} ({}) is geen jeugdhulp (afbakening 'geen')",
                         p->Key(), p->description));
  } else if (p->care_class == CareClass::kGrey) {
    out->Add(d, "JR02", FindingStatus::kSignal, "product_code",
             fmt::format("product {} ({}) valt in het grijze gebied; ter beoordeling",
                         p->Key(), p->description));
  }
}

}  // namespace jr::rules
