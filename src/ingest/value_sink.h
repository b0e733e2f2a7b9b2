// ValueSink: what a source hands its values to, one at a time, in input order.
//
// A source (csv_source.h; the iJw XML reader next) checks the format of its input,
// reports format errors itself and hands over only well-formed values, each with its
// Origin. The import's sink (import_sink.h) checks references, runs the care rules
// and writes to the store.
#pragma once

#include "care/assignment.h"
#include "care/cost_item.h"
#include "care/product.h"
#include "care/provider.h"
#include "care/review_decision.h"
#include "ingest/origin.h"
#include "region/municipality.h"
#include "region/municipality_key.h"

namespace jr {

class ValueSink {
 public:
  virtual ~ValueSink() = default;
  // Each returns false when the source should stop (too many errors). The value and
  // origin are only valid during the call.
  virtual bool Add(const Municipality& v, const Origin& o) = 0;
  virtual bool Add(const MunicipalityKey& v, const Origin& o) = 0;
  virtual bool Add(const Provider& v, const Origin& o) = 0;
  virtual bool Add(const Product& v, const Origin& o) = 0;
  virtual bool Add(const Tariff& v, const Origin& o) = 0;
  virtual bool Add(const Contract& v, const Origin& o) = 0;
  virtual bool Add(const YouthTeam& v, const Origin& o) = 0;
  virtual bool Add(const ClientResidence& v, const Origin& o) = 0;
  virtual bool Add(const Assignment& v, const Origin& o) = 0;
  virtual bool Add(const Declaration& v, const Origin& o) = 0;
  // A regional fixed cost (municipality empty) or a municipality's local cost.
  virtual bool Add(const CostItem& v, const Origin& o) = 0;
  virtual bool Add(const ReviewDecision& v, const Origin& o) = 0;
  virtual bool Add(const AssignmentSupplement& v, const Origin& o) = 0;
};

}  // namespace jr
