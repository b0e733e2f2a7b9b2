// DemoMunicipality: the municipalities of the demo region (Zuid-Holland Zuid) with
// their inhabitants, young people and state grant per year, and its youth teams.
//
// Figures follow /work/shared/facts/demo-region.md: real CBS codes and inhabitant
// counts where known, interpolated and extrapolated linearly in between; the seven
// municipalities that merged or left on 2019-01-01 end on 2018-12-31. The codes of
// Korendijk, Oud-Beijerland, Strijen, Giessenlanden, Molenwaard, Leerdam and Zederik
// are PLACEHOLDERS (GM99xx), not CBS codes.
#pragma once

#include <string>
#include <vector>

namespace jr::demo {

struct DemoMunicipality {
  std::string code;           // CBS code, or a GM99xx placeholder (see `placeholder`)
  std::string name;           // real name
  std::string subregion;      // Drechtsteden, Hoeksche Waard, Alblasserwaard/Gorinchem
  int first_year = 0;         // first year in the region (0 = since the start)
  int last_year = 0;          // last year in the region (0 = still in the region)
  std::string successor;      // code it merged into on 1 January of last_year + 1
  bool placeholder = false;   // true if `code` is not a verified CBS code
  double youth_share = 0.21;  // young people 0-17 as a share of inhabitants
  double care_factor = 1.0;   // use of youth care per young person vs the region
  double grant_factor = 1.0;  // state grant per young person vs the region

  // True if the municipality is in the region in `year`.
  bool ActiveIn(int year) const {
    return (first_year == 0 || year >= first_year) &&
           (last_year == 0 || year <= last_year);
  }
  // Inhabitants on 1 January of `year`, from the table of known counts.
  int Inhabitants(int year) const;
  // Young people 0-17 on 1 January of `year`.
  int Youth(int year) const;

  std::vector<std::pair<int, int>> counts;  // (year, inhabitants) known points, sorted
};

// The 17 municipalities of 2015-2025, current ones first.
const std::vector<DemoMunicipality>& DemoMunicipalities();

// Regional state grant for youth care in `year`, in whole euros.
long long DemoRegionalGrant(int year);

// A youth team (sociaal jeugdteam) and the municipality it serves.
struct DemoTeam {
  std::string code;          // "SJT01"
  std::string name;          // "Sociaal Jeugdteam Dordrecht Noord"
  std::string municipality;  // CBS code of the municipality it serves
};

// All youth teams; a team exists in the years its municipality is in the region.
const std::vector<DemoTeam>& DemoTeams();

}  // namespace jr::demo
