// The signature block of an administrative document, as OCR and
// restoration leave it: its lead ("T/M", "TM.", "KT.", "TL.", "TUQ.",
// "Q.": signing on behalf of, or for, a body or a person, or acting as)
// and the signer's position ("PHÓ CHỦ TỊCH", "BÍ THƯ"), one of a closed
// list that damaged forms are read as.
#pragma once
#include <string>
#include <string_view>

namespace vn::doc {

// "T/M ...", "TM. ...", "KT. ...", "TL. ...", "TUQ. ...", "Q. ...": the first
// line of a signature block (signing on behalf of, or for, someone, or
// acting as).
bool opens_signature(std::string_view line);

// Whether `tail` reads as the top of the signature column: a lead ("T/M",
// "KT.") or a position ("PHÓ CHỦ TỊCH", "BÍ THƯ", or one alike: "BỘ
// TRUUNG"), in capitals.
bool signature_column(std::string_view tail);

// A signature lead that OCR damaged, then the body or position in
// capitals: "Tạ. CHÍNH PHỦ" (TM.), "Ki‘Ốt TRƯỞNG BAN" (KT.), "Bộ TRƯỞNG".
bool damaged_signature_lead(std::string_view line);

// A signer's position as written ("BÍ THƯ’", "BỊ THU", "Q. GIẢM BỌC",
// "THƯ KÝ CHỦ TRÌ": two signatures side by side, the last signs): the
// position it names, in its canonical capitals after its lead ("Q. ",
// "KT. "), or as written when it names none.
std::string mend_position(std::string position);

// The signer's position when the line read is a signature's lead, the
// line under it lost: "KT. X" (signing for X) is signed by X's deputy,
// "PHÓ X" ("KT. BỘ TRƯỞNG": THỨ TRƯỞNG); "Q. X" (acting) is the position
// itself; after "T/M", "TL." or "TUQ." it cannot be known (""). Other
// positions as they are.
std::string position_below(const std::string& position);

}  // namespace vn::doc
