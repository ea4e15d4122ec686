// What the metadata extractor reads damaged values against. Each list is
// optional: without it, the values it would mend stay as written.
#pragma once

namespace vn::doc {

class Gazetteer;
class PersonNames;

struct ReferenceLists {
  const Gazetteer* places = nullptr;   // place and issuer names (doc/gazetteer.hpp)
  const PersonNames* names = nullptr;  // the signer's name (doc/person_names.hpp)
};

}  // namespace vn::doc
