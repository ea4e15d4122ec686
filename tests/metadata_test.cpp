// Metadata and citation extraction on the bundled samples and on OCR-damaged snippets.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "doc/citations.hpp"
#include "doc/metadata.hpp"

namespace {

using vn::doc::extract_citations;
using vn::doc::extract_metadata;

std::filesystem::path samples_dir() { return std::filesystem::path(__FILE__).parent_path().parent_path() / "samples"; }

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Expected {
  const char* file;
  const char* type;
  const char* number;
  const char* code;
  const char* place;
  const char* date;
  const char* issuer;
  const char* title_start;  // the title's first line at least
  const char* signer;
  const char* signer_position;
  std::vector<std::string> citations;  // keys, from samples/README.md
};

const std::vector<Expected>& expected() {
  static const std::vector<Expected> e = {
      {"01-bao-cao-kiem-diem.txt", "BÁO CÁO", "215", "215-BC/TU", "Cao Bằng", "2025-06-12",
       "ĐẢNG BỘ TỈNH CAO BẰNG TỈNH ỦY", "kiểm điểm sự lãnh đạo, chỉ đạo của Ban Thường vụ Tỉnh ủy 6 tháng đầu năm 2025",
       "Nông Văn Khải", "BÍ THƯ", {"CT 45-CT/TW", "NQ 18-NQ/TW"}},
      {"02-nghi-quyet-nong-thon-moi.txt", "NGHỊ QUYẾT", "12", "12-NQ/TU", "Bắc Kạn", "2025-03-18",
       "ĐẢNG BỘ TỈNH BẮC KẠN BAN CHẤP HÀNH", "về xây dựng nông thôn mới gắn với giảm nghèo bền vững", "Ma Thị Nguyệt",
       "BÍ THƯ", {"NQ 25/2021/QH15"}},
      {"03-cong-van-chuyen-doi-so.txt", "CÔNG VĂN", "2318", "2318/UBND-KGVX", "Tuyên Quang", "2025-07-24",
       "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "V/v đôn đốc thực hiện nhiệm vụ chuyển đổi số 6 tháng cuối năm 2025",
       "Nguyễn Mạnh Tường", "PHÓ CHỦ TỊCH", {"QĐ 749/QĐ-TTg", "KH 45/KH-UBND", "NĐ 47/2024/NĐ-CP"}},
      {"04-bao-cao-thuy-loi.txt", "BÁO CÁO", "342", "342/BC-UBND", "Thanh Chương", "2024-12-05",
       "ỦY BAN NHÂN DÂN HUYỆN THANH CHƯƠNG", "Kết quả quản lý, khai thác công trình thủy lợi và công tác",
       "Phan Đình Lực", "CHỦ TỊCH", {"NĐ 114/2018/NĐ-CP"}},
      {"05-ket-luan-ban-thuong-vu.txt", "KẾT LUẬN", "86", "86-KL/TU", "Cao Bằng", "2025-06-20",
       "ĐẢNG BỘ TỈNH CAO BẰNG TỈNH ỦY", "của Ban Thường vụ Tỉnh ủy về công tác xây dựng, chỉnh đốn Đảng",
       "Bế Thanh Hải", "PHÓ BÍ THƯ", {"BC 215-BC/TU", "KL 21-KL/TW", "QĐ 144-QĐ/TW"}},
      {"06-quyet-dinh-tinh-gian-bien-che.txt", "QUYẾT ĐỊNH", "1534", "1534/QĐ-UBND", "Lạng Sơn", "2025-08-20",
       "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
       "Về việc phê duyệt danh sách và kinh phí thực hiện tinh giản biên chế đợt 2 năm 2025", "Vi Thị Hồng Nhung",
       "PHÓ CHỦ TỊCH", {"NĐ 29/2023/NĐ-CP", "NĐ 178/2024/NĐ-CP", "TTr 412/TTr-SNV"}},
      {"07-ke-hoach-chuyen-doi-so.txt", "KẾ HOẠCH", "45", "45/KH-UBND", "Tuyên Quang", "2025-02-10",
       "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "Chuyển đổi số tỉnh Tuyên Quang năm 2025", "Lê Quang Vinh", "CHỦ TỊCH",
       {"NQ 57-NQ/TW", "QĐ 749/QĐ-TTg"}},
      {"08-nghi-quyet-hdnd-ho-tro-san-xuat.txt", "NGHỊ QUYẾT", "38", "38/2024/NQ-HĐND", "Hòa Bình", "2024-07-12",
       "HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH", "Quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp gắn với",
       "Quách Văn Lịch", "CHỦ TỊCH", {"NĐ 27/2022/NĐ-CP", "TTr 156/TTr-UBND"}},
      {"09-cong-van-bao-cao-tong-ket.txt", "CÔNG VĂN", "512", "512-CV/BTCTU", "Lạng Sơn", "2025-09-15",
       "TỈNH ỦY LẠNG SƠN BAN TỔ CHỨC", "V/v báo cáo tổng kết thực hiện Nghị quyết số 18-NQ/TW", "Lộc Văn Tuấn",
       "PHÓ TRƯỞNG BAN", {"KH 271-KH/TU", "NQ 18-NQ/TW", "QĐ 2092-QĐ/TU", "NĐ 29/2023/NĐ-CP"}},
      {"10-bao-cao-tong-ket-nq18.txt", "BÁO CÁO", "127", "127-BC/ĐU", "Lạng Sơn", "2025-10-02",
       "ĐẢNG BỘ TỈNH LẠNG SƠN ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", "tổng kết thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017",
       "Nông Đức Thịnh", "BÍ THƯ",
       {"CV 512-CV/BTCTU", "NQ 18-NQ/TW", "QĐ 2092-QĐ/TU", "QĐ 1534/QĐ-UBND", "NĐ 29/2023/NĐ-CP"}},
      {"11-thong-bao-ket-luan.txt", "THÔNG BÁO", "78", "78/TB-VP", "Quảng Trị", "2025-04-03",
       "UBND TỈNH QUẢNG TRỊ VĂN PHÒNG", "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác chuẩn bị",
       "Lê Hữu Phúc", "CHÁNH VĂN PHÒNG", {"KH 52/KH-UBND"}},
      {"12-to-trinh-du-thao-nghi-quyet.txt", "TỜ TRÌNH", "156", "156/TTr-UBND", "Hòa Bình", "2024-06-20",
       "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", "Dự thảo Nghị quyết quy định chính sách hỗ trợ phát triển sản xuất",
       "Hà Đức Long", "CHỦ TỊCH", {"QĐ 263/QĐ-TTg", "BC 118/BC-STP"}},
  };
  return e;
}

TEST(Metadata, SamplesFieldsAndCitations) {
  const char* kFields[] = {"type", "number", "code", "place", "date", "issuer", "title", "signer", "signer_position"};
  constexpr int kNumFields = 9;
  int right[kNumFields] = {};
  int docs = 0;
  size_t true_pos = 0, predicted = 0, relevant = 0;
  for (const auto& e : expected()) {
    const auto path = samples_dir() / "clean" / e.file;
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    const std::string text = read_file(path);
    const auto md = extract_metadata(text);
    ++docs;
    const bool ok[kNumFields] = {
        md.type == e.type,     md.number == e.number, md.code == e.code,
        md.place == e.place,   md.date == e.date,     md.issuer == e.issuer,
        md.title.rfind(e.title_start, 0) == 0,        md.signer == e.signer,
        md.signer_position == e.signer_position,
    };
    const std::string got[kNumFields] = {md.type, md.number, md.code, md.place, md.date, md.issuer, md.title, md.signer,
                                         md.signer_position};
    const char* want[kNumFields] = {e.type, e.number, e.code, e.place, e.date, e.issuer, e.title_start, e.signer,
                                    e.signer_position};
    for (int f = 0; f < kNumFields; ++f) {
      right[f] += ok[f];
      EXPECT_TRUE(ok[f]) << e.file << " " << kFields[f] << ": got \"" << got[f] << "\", want \"" << want[f] << "\"";
    }
    EXPECT_FALSE(md.recipients.empty()) << e.file;
    EXPECT_FALSE(md.outline.empty()) << e.file;

    std::set<std::string> keys;
    for (const auto& c : extract_citations(text)) {
      keys.insert(c.key);
      EXPECT_LE(c.offset + c.length, text.size());
    }
    const std::set<std::string> want_keys(e.citations.begin(), e.citations.end());
    predicted += keys.size();
    relevant += want_keys.size();
    for (const auto& k : keys) {
      if (want_keys.count(k)) ++true_pos;
      else ADD_FAILURE() << e.file << ": unexpected citation " << k;
    }
    for (const auto& k : want_keys)
      if (!keys.count(k)) ADD_FAILURE() << e.file << ": missed citation " << k;
  }
  int total = 0;
  std::printf("metadata over %d samples:\n", docs);
  for (int f = 0; f < kNumFields; ++f) {
    total += right[f];
    std::printf("  %-16s %2d/%d\n", kFields[f], right[f], docs);
  }
  const double accuracy = double(total) / (kNumFields * docs);
  const double precision = predicted ? double(true_pos) / predicted : 1.0;
  const double recall = relevant ? double(true_pos) / relevant : 1.0;
  std::printf("  fields exactly right: %.1f%%\n  citations: precision %.1f%% (%zu/%zu), recall %.1f%% (%zu/%zu)\n",
              100 * accuracy, 100 * precision, true_pos, predicted, 100 * recall, true_pos, relevant);
  EXPECT_GE(accuracy, 0.95);
  EXPECT_GE(recall, 0.90);
  EXPECT_GE(precision, 0.95);
}

TEST(Metadata, SampleDetails) {
  const auto md = extract_metadata(read_file(samples_dir() / "clean" / "01-bao-cao-kiem-diem.txt"));
  ASSERT_EQ(md.recipients.size(), 5u);
  EXPECT_EQ(md.recipients[0], "Ban Bí thư Trung ương Đảng (b/c)");
  EXPECT_EQ(md.recipients[4], "Lưu Văn phòng Tỉnh ủy");
  ASSERT_GE(md.outline.size(), 4u);
  EXPECT_EQ(md.outline[0], (std::pair<std::string, int>{"I- KẾT QUẢ ĐẠT ĐƯỢC", 1}));
  EXPECT_EQ(md.outline[1], (std::pair<std::string, int>{"1. Công tác xây dựng Đảng và hệ thống chính trị", 2}));
  EXPECT_TRUE(md.draft.empty());

  const auto cites = extract_citations(read_file(samples_dir() / "clean" / "06-quyet-dinh-tinh-gian-bien-che.txt"));
  ASSERT_EQ(cites.size(), 3u);
  EXPECT_EQ(cites[0].date, "2023-06-03");
  EXPECT_EQ(cites[1].date, "2024-12-31");
  EXPECT_EQ(cites[2].date, "2025-08-14");  // "ngày 14\ntháng 8 năm 2025"
  EXPECT_EQ(cites[2].type, "TTr");
}

TEST(Citations, OcrDamagedAndEdgeCases) {
  const std::string text = "theo Quyết định số 2098-QB/TU, ngay 10/02/2025 cua Tinh uy";
  auto c = extract_citations(text);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "QĐ 2098-QĐ/TU");
  EXPECT_EQ(c[0].date, "2025-02-10");
  EXPECT_EQ(text.substr(c[0].offset, c[0].length), "Quyết định số 2098-QB/TU");

  c = extract_citations("Can cu Nghi dinh so 29/2023/ND-CP ngay 03 thang 6 nam 2023 cua Chinh phu");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "NĐ 29/2023/NĐ-CP");
  EXPECT_EQ(c[0].date, "2023-06-03");

  c = extract_citations("Luật số 80/2015/QH13 và Nghị quyết 25/2021/QH15; bare 18-NQ/TW; Dang uy 5-NQ/DU");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].key, "Luật 80/2015/QH13");
  EXPECT_EQ(c[1].key, "NQ 25/2021/QH15");
  EXPECT_EQ(c[2].key, "NQ 18-NQ/TW");
  EXPECT_TRUE(c[2].date.empty());
  EXPECT_EQ(c[3].key, "NQ 5-NQ/ĐU");

  // Dates, fractions and codes without a type are not citations; the own number is not either.
  EXPECT_TRUE(extract_citations("Đến ngày 31/5/2025, có 412/418 chi bộ; 2318/UBND-KGVX").empty());
  EXPECT_TRUE(extract_citations("ĐẢNG BỘ TỈNH\nSố 103-BC/ĐU      Lạng Sơn, ngày 06 tháng 8 năm 2025\n").empty());
  EXPECT_EQ(vn::doc::normalize_code("38/2024/NQ-HDND"), "38/2024/NQ-HĐND");
  EXPECT_EQ(vn::doc::normalize_code("12-BC/TU"), "12-BC/TU");
}

TEST(Metadata, OcrDamagedHeaderAndDraft) {
  const std::string text =
      "DANG BO TINH LANG SON                         DANG CONG SAN VIET NAM\n"
      "DANG UY UY BAN NHAN DAN TINH                        Dự thảo lần 2\n"
      "*\n"
      "So 103-BC/DU                             Lang Son, ngay 06 thang 8 nam 2025\n"
      "\n"
      "BAO CAO\n"
      "so ket 6 thang dau nam 2025\n"
      "\n"
      "A- KET QUA\n"
      "I. Cong tac to chuc\n"
      "1.1. Sap xep bo may\n"
      "Thuc hien Quyet dinh so 2098-QB/TU, ngay 10/02/2025.\n"
      "\n"
      "Noi nhan:                                          KT. BI THU\n"
      "- Ban To chuc Tinh uy,                              PHO BI THU\n"
      "- Luu VP.                                          Nong Duc Thinh\n";
  const auto md = extract_metadata(text);
  EXPECT_EQ(md.type, "BÁO CÁO");
  EXPECT_EQ(md.number, "103");
  EXPECT_EQ(md.code, "103-BC/DU");
  EXPECT_EQ(md.place, "Lang Son");
  EXPECT_EQ(md.date, "2025-08-06");
  EXPECT_EQ(md.issuer, "DANG BO TINH LANG SON DANG UY UY BAN NHAN DAN TINH");
  EXPECT_EQ(md.title, "so ket 6 thang dau nam 2025");
  EXPECT_EQ(md.draft, "Dự thảo lần 2");
  EXPECT_EQ(md.signer, "Nong Duc Thinh");
  EXPECT_EQ(md.signer_position, "PHO BI THU");
  EXPECT_EQ(md.recipients, (std::vector<std::string>{"Ban To chuc Tinh uy", "Luu VP"}));
  ASSERT_EQ(md.outline.size(), 3u);
  EXPECT_EQ(md.outline[0].second, 1);
  EXPECT_EQ(md.outline[1].second, 2);
  EXPECT_EQ(md.outline[2].second, 3);
  const auto c = extract_citations(text);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "QĐ 2098-QĐ/TU");

  // Raw OCR runs the two header columns together with single spaces.
  const auto ocr = extract_metadata(
      "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\n\n"
      "TINH LANG SON D6c lap - Ty do - Hanh phtic\n"
      "S6: 1534/QD-UBND Lang Son, ngay 20 thang 8 nam 2025\n"
      "QUYET DINH\n\n"
      "Vé viéc phé duyét danh sach\n");
  EXPECT_EQ(ocr.issuer, "UY BAN NHAN DAN TINH LANG SON");
  EXPECT_EQ(ocr.code, "1534/QD-UBND");
  EXPECT_EQ(ocr.place, "Lang Son");
  EXPECT_EQ(ocr.date, "2025-08-20");
  EXPECT_EQ(ocr.type, "QUYẾT ĐỊNH");
  EXPECT_EQ(ocr.title, "Vé viéc phé duyét danh sach");
}

}  // namespace

TEST(Metadata, OcrSplitCodesAndDamagedDays) {
  // OCR puts spaces inside the code and damages the day of the date.
  const auto a = vn::doc::extract_metadata(
      "ĐẢNG BỘ TỈNH LẠNG SƠN\n\nSố 103 -BC/ĐU Lạng Sơn, ngày 06 tháng 8 năm 2025\n\nBÁO CÁO\nKiểm điểm\n");
  EXPECT_EQ(a.code, "103-BC/ĐU");
  EXPECT_EQ(a.place, "Lạng Sơn");
  EXPECT_EQ(a.date, "2025-08-06");
  const auto b = vn::doc::extract_metadata(
      "UỶ BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSỐ: 631 /BC-UBND Lạng Sơn, ngày (s tháng 10 năm 2025\nBÁO CÁO\n\n"
      "Tổng kết thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017\n");
  EXPECT_EQ(b.code, "631/BC-UBND");
  EXPECT_EQ(b.place, "Lạng Sơn");
  EXPECT_EQ(b.date, "2025-10");  // not the cited document's 2017-10-25
}
