#include "doc/recipient.hpp"

#include <gtest/gtest.h>

using vn::doc::mend_recipient;

TEST(Recipient, ArchiveCopyAsOcrAndRestorationLeaveIt) {
  EXPECT_EQ(mend_recipient("Lit: VT, VHXH"), "Lưu: VT, VHXH");
  EXPECT_EQ(mend_recipient("Lưu: VT. XD"), "Lưu: VT, XD");      // comma read as a stop
  EXPECT_EQ(mend_recipient("Lint: VT TCBC"), "Lưu: VT, TCBC");  // comma lost
  EXPECT_EQ(mend_recipient("Lưu: Vì, NNMT"), "Lưu: VT, NNMT");
  EXPECT_EQ(mend_recipient("Litu VT"), "Lưu VT");
  EXPECT_EQ(mend_recipient("Lw Văn phòng Tỉnh ủy"), "Lưu Văn phòng Tỉnh ủy");
  EXPECT_EQ(mend_recipient("Luu VP, HSBH"), "Lưu VP, HSBH");  // unit codes after it
  EXPECT_EQ(mend_recipient("Lưu VP. HSBH"), "Lưu VP, HSBH");
  EXPECT_EQ(mend_recipient("Lưu VP HSBH"), "Lưu VP, HSBH");
  EXPECT_EQ(mend_recipient("Lưu: VT, TP"), "Lưu: VT, TP");
  // Two edits from "luu", before what follows "Lưu".
  EXPECT_EQ(mend_recipient("Laru VP, HSBH"), "Lưu VP, HSBH");
  EXPECT_EQ(mend_recipient("Lutu: VT, VP"), "Lưu: VT, VP");
  EXPECT_EQ(mend_recipient("bửu Văn phòng Tỉnh ủy"), "Lưu Văn phòng Tỉnh ủy");
}

TEST(Recipient, ForInformation) {
  EXPECT_EQ(mend_recipient("Bộ Nội vụ (bô’cô)"), "Bộ Nội vụ (b/c)");
  EXPECT_EQ(mend_recipient("Bộ Nội vụ (bc)"), "Bộ Nội vụ (b/c)");
  EXPECT_EQ(mend_recipient("Thường trực Tỉnh ủy (biết)"), "Thường trực Tỉnh ủy (b/c)");
  EXPECT_EQ(mend_recipient("Bộ Nội vụ (bác)"), "Bộ Nội vụ (b/c)");
  EXPECT_EQ(mend_recipient("Văn phòng Trung ương Đảng (bế)"), "Văn phòng Trung ương Đảng (b/c)");
  EXPECT_EQ(mend_recipient("Văn phòng Trung ương Đảng (b/c)"), "Văn phòng Trung ương Đảng (b/c)");
  EXPECT_EQ(mend_recipient("Ban Thường vụ Tỉnh ủy (B/c)"), "Ban Thường vụ Tỉnh ủy (B/c)");  // as written
  EXPECT_EQ(mend_recipient("Văn phòng Trung ương Đảng (b/e)"), "Văn phòng Trung ương Đảng (b/c)");
  EXPECT_EQ(mend_recipient("Sở Tư pháp (k/t)"), "Sở Tư pháp (k/t)");
  // Its "(" read as another mark, or its ")" lost.
  EXPECT_EQ(mend_recipient("Ban Bí thư Trung ương Đảng ¢b/e)"), "Ban Bí thư Trung ương Đảng (b/c)");
  EXPECT_EQ(mend_recipient("Bộ Nội vụ {bc}"), "Bộ Nội vụ (b/c)");
  EXPECT_EQ(mend_recipient("Văn phòng Chính phủ (b/o"), "Văn phòng Chính phủ (b/c)");
  EXPECT_EQ(mend_recipient("Bộ Nội vụ (bc"), "Bộ Nội vụ (b/c)");
  EXPECT_EQ(mend_recipient("Sở Tài chính (bản sao"), "Sở Tài chính (bản sao");
  EXPECT_EQ(mend_recipient("Sở Tư pháp (k/t"), "Sở Tư pháp (k/t");
}

TEST(Recipient, LeavesOtherRecipientsAlone) {
  for (const char* r : {"Như trên", "Lan Anh (để biết)", "Các sở, ban, ngành", "UBND các xã, phường",
                        "Tàu Văn hóa", "Lan: Văn", "Sở Tài chính (bản sao)", "Ban Dân vận (để chỉ đạo)",
                        "Lan Anh VP", "UBND TP. Hồ Chí Minh", "Như Điều 3.", ""})
    EXPECT_EQ(mend_recipient(r), r) << r;
}

// An item is one phrase that opens with a capital: restoration's small
// first letter, and a comma read as a stop after a word in small letters
// or a long abbreviation.
TEST(Recipient, OnePhraseOpeningWithACapital) {
  EXPECT_EQ(mend_recipient("sở Tài chính, Sở Nội vụ"), "Sở Tài chính, Sở Nội vụ");
  EXPECT_EQ(mend_recipient("đảng ủy các xã"), "Đảng ủy các xã");
  EXPECT_EQ(mend_recipient("Sở Tài chính. Sở Nội vụ"), "Sở Tài chính, Sở Nội vụ");
  EXPECT_EQ(mend_recipient("Các ban đảng. Văn phòng Tỉnh ủy"), "Các ban đảng, Văn phòng Tỉnh ủy");
  EXPECT_EQ(mend_recipient("Chủ tịch. các PCT UBND tỉnh"), "Chủ tịch, các PCT UBND tỉnh");
  EXPECT_EQ(mend_recipient("Đảng đoàn HĐND. Ban cán sự đảng UBND tỉnh"), "Đảng đoàn HĐND, Ban cán sự đảng UBND tỉnh");
  EXPECT_EQ(mend_recipient("Đảng đoàn HĐND., Ban cán sự đảng UBND tỉnh"), "Đảng đoàn HĐND, Ban cán sự đảng UBND tỉnh");
  EXPECT_EQ(mend_recipient("UBND Q. 1, TP. Hồ Chí Minh"), "UBND Q. 1, TP. Hồ Chí Minh");  // an abbreviation's stop
}

// The signature's placeholder OCR ran into a recipient, with its
// parentheses, one of them, other brackets or none; never the whole item.
TEST(Recipient, CleanedOfTheSignaturesPlaceholder) {
  using vn::doc::clean_item;
  EXPECT_EQ(clean_item("- Lưu: VT, PC. (Đã ký)"), "Lưu: VT, PC");
  EXPECT_EQ(clean_item("- Như trên, Ký tên, đóng dấu"), "Như trên");
  EXPECT_EQ(clean_item("- Lưu Văn phòng Đảng ủy (Ký tên, đóng diétuy"), "Lưu Văn phòng Đảng ủy");
  EXPECT_EQ(clean_item("- Các chi bộ trực thuộc, {đã ký}"), "Các chi bộ trực thuộc");
  EXPECT_EQ(clean_item("- Văn phòng Chính phủ Đã ký;"), "Văn phòng Chính phủ");
  EXPECT_EQ(clean_item("- Lưu Văn phòng Đăng ký"), "Lưu Văn phòng Đăng ký");
  EXPECT_EQ(clean_item("- (Đã ký)"), "(Đã ký)");
}

// Specks of the signature column (its stamp, its signature) that OCR ran
// onto an item's end, after the item's last separator; an item's own
// letters and units stay.
TEST(Recipient, CleanedOfTrailingSpecks) {
  using vn::doc::clean_item;
  EXPECT_EQ(clean_item("- Như trên; R"), "Như trên");
  EXPECT_EQ(clean_item("- Đại hội Đảng bộ UBND tỉnh, m"), "Đại hội Đảng bộ UBND tỉnh");
  EXPECT_EQ(clean_item("- Các đồng chí Đảng ủy viên, v ( )"), "Các đồng chí Đảng ủy viên");
  EXPECT_EQ(clean_item("- Lưu VP Đảng ủy, HSĐH. i"), "Lưu VP Đảng ủy, HSĐH");
  EXPECT_EQ(clean_item("- Các cơ quan chuyên trách Tỉnh ủy ;/ / %"), "Các cơ quan chuyên trách Tỉnh ủy");
  EXPECT_EQ(clean_item("- Cổng thông tin điện tử tỉnh; 7"), "Cổng thông tin điện tử tỉnh");
  EXPECT_EQ(clean_item("- Đoàn ĐBQH tỉnh i)"), "Đoàn ĐBQH tỉnh");
  for (std::string kept : {"Lưu: VT, A", "Các sở, ban, ngành, v.v", "Lưu: VT, P.TH", "UBND huyện, xã", "TP. Hồ Chí Minh",
                           "Sở Tài chính (b/c)", "Các Ban, 2 Văn phòng"})
    EXPECT_EQ(clean_item("- " + kept), kept);
}

// The signer's name run into the archive copy's line without a stop.
TEST(Recipient, SignerAfterTheArchiveCopy) {
  using vn::doc::signer_after_archive_copy;
  std::string item = "- Lưu: VT, TP Huỳnh Anh Minh";
  EXPECT_EQ(signer_after_archive_copy(item), "Huỳnh Anh Minh");
  EXPECT_EQ(item, "- Lưu: VT, TP");
  item = "- Lưu VTL, VP Vợ Quãng Tám";
  EXPECT_EQ(signer_after_archive_copy(item), "Vợ Quãng Tám");
  EXPECT_EQ(item, "- Lưu VTL, VP");
  for (std::string other : {"- Lưu Văn phòng Tỉnh ủy", "- Lưu: VT, VP.", "- Lưu: VT, VP Tỉnh", "- Sở Tài chính, UBND Tỉnh Bình Dương",
                            "- Lưu VT Nguyễn Văn An Bình Minh Hải"}) {
    const std::string before = other;
    EXPECT_EQ(signer_after_archive_copy(other), "");
    EXPECT_EQ(other, before);
  }
}
