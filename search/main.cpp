// vnsearch: queries a vnarchive index. Argument handling only; the work is
// in common/.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "query/searcher.hpp"
#include "search/format.hpp"
#include "version/version.hpp"

namespace {

struct Output {
  bool json = false;
  bool explain = false;
  bool colour = false;
};

// Runs one query and prints its result. Errors propagate.
void search_once(vn::query::Searcher& searcher, const vn::query::SearchRequest& request, const Output& out) {
  const vn::query::SearchResult result = searcher.search(request);
  if (!result.restore_error.empty())
    std::fprintf(stderr, "vnsearch: searching without query restoration: %s\n", result.restore_error.c_str());
  if (out.explain) {
    std::fprintf(stderr, "restored: %s\n", result.restored_query.c_str());
    std::fprintf(stderr, "query: %s\n", result.xapian_query.c_str());
  }
  if (out.json) std::fputs(vn::search::to_json(request, result).c_str(), stdout);
  else vn::search::print_human(stdout, result, out.colour);
}

// --queries: one query per line of `in`, each with the options of `base`.
// JSON prints one object per line (JSON Lines; a query that fails gives
// {"query": ..., "error": ...}); human output heads each result with the
// query. Returns 0, or 2 when any query failed.
int search_each(vn::query::Searcher& searcher, std::istream& in, const std::string& source,
                vn::query::SearchRequest base, const Output& out) {
  int status = 0;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    base.query = line;
    if (!out.json) std::printf("== %s\n", line.c_str());
    try {
      search_once(searcher, base, out);
    } catch (const vn::query::QueryError& e) {
      status = 2;
      std::fprintf(stderr, "vnsearch: %s line %zu: bad query: %s\n", source.c_str(), number, e.what());
      if (out.json) std::fputs(vn::search::error_json(line, e.what()).c_str(), stdout);
    }
    std::fflush(stdout);
  }
  return status;
}

// Moves query words that start with a single '-' ("-bo", "-type:bc") out
// of argv into `excluded`, so that they need no "--" before them: every
// such argument that is no short option ("-n", "-n5", "-h"). Stops at "--".
std::vector<char*> split_excluded_words(const CLI::App& app, int argc, char** argv, std::string& excluded) {
  auto is_short_option = [&](std::string_view a) {
    for (const CLI::Option* o : app.get_options())
      for (const std::string& s : o->get_snames())
        if (a.substr(1, s.size()) == s && (a.size() == 1 + s.size() || std::isdigit(static_cast<unsigned char>(a[1 + s.size()]))))
          return true;
    return false;
  };
  std::vector<char*> out{argv[0]};
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") {
      out.insert(out.end(), argv + i, argv + argc);
      break;
    }
    if (a.size() > 1 && a[0] == '-' && a[1] != '-' && !is_short_option(a)) {
      excluded += (excluded.empty() ? "" : " ") + std::string(a);
      continue;
    }
    out.push_back(argv[i]);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vnsearch: search an index of Vietnamese documents, with or without diacritics"};
  std::string db;
  std::vector<std::string> words;
  vn::query::SearchRequest request;
  bool any = false;
  Output out;
  std::string queries;
  std::string colour = "auto";
  app.set_version_flag("--version", [] { return vn::version::version_text("vnsearch"); });
  app.add_option("--db", db, "index directory made by vnindex")->required();
  app.add_option("query", words,
                 "query: words, \"phrases\", +must, -mustnot, AND, OR, XOR, NOT, ( ), a NEAR b, a ADJ b, prefix*, "
                 "and filters type: code: issuer: year: cites: date:FROM..TO");
  std::string doc;
  app.add_option("--doc", doc, "show one document (by path or code): metadata, outline, what it cites, who cites it");
  app.add_option("--from", request.from, "only documents dated on or after (YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)");
  app.add_option("--to", request.to, "only documents dated on or before (YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)");
  std::string sort = "relevance";
  app.add_option("--sort", sort, "relevance or date (newest first)")->check(CLI::IsMember({"relevance", "date"}));
  std::string facets;
  app.add_option("--facet", facets, "count matches by type, year and/or issuer (comma-separated)");
  app.add_option("-n,--limit", request.limit, "hits to show (default 10)")
      ->check(CLI::Range(0, 100000))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--offset", request.offset, "hits to skip")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_flag("--json", out.json, "print one JSON object (with --queries: one per line)");
  app.add_option("--queries", queries, "run every line of this file as a query (- for standard input)");
  app.add_flag("--any", any, "match any word (default: all words)");
  app.add_flag("--all-copies", request.all_copies, "list byte-identical documents each (default: one hit per content)");
  app.add_flag("--explain", out.explain, "print the restored query and the compiled Xapian query to stderr");
  app.add_flag("!--no-restore", request.restore_query, "do not restore the query words");
  std::string models;
  app.add_option("--models", models, "restoration model directory (default: the shipped models/)");
  app.add_option("--color,--colour", colour, "highlight matches: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  std::string excluded;
  std::vector<char*> args = split_excluded_words(app, argc, argv, excluded);
  CLI11_PARSE(app, static_cast<int>(args.size()), args.data());

  for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
  if (!excluded.empty()) request.query += (request.query.empty() ? "" : " ") + excluded;
  if (any) request.default_op = vn::query::DefaultOperator::kOr;
  request.sort_by_date = sort == "date";
  for (size_t start = 0; start < facets.size();) {
    size_t end = facets.find(',', start);
    if (end == std::string::npos) end = facets.size();
    if (end > start) request.facets.push_back(facets.substr(start, end - start));
    start = end + 1;
  }
  if (doc.empty() && queries.empty() && request.query.empty() && request.from.empty() && request.to.empty()) {
    std::fprintf(stderr, "vnsearch: give a query, --from/--to, --queries or --doc (see --help)\n");
    return 2;
  }
  if (!queries.empty() && (!request.query.empty() || !doc.empty())) {
    std::fprintf(stderr, "vnsearch: --queries takes the queries from a file: give no query or --doc with it\n");
    return 2;
  }
  out.colour = colour == "always" || (colour == "auto" && ::isatty(STDOUT_FILENO));
  try {
    vn::query::Searcher searcher(db, models);
    if (!doc.empty()) {
      const vn::query::DocumentView view = searcher.describe(doc);
      if (out.json) std::fputs(vn::search::to_json(view).c_str(), stdout);
      else vn::search::print_human(stdout, view);
      return 0;
    }
    if (!queries.empty()) {
      if (queries == "-") return search_each(searcher, std::cin, "standard input", request, out);
      std::ifstream in(queries);
      if (!in) {
        std::fprintf(stderr, "vnsearch: cannot read %s\n", queries.c_str());
        return 2;
      }
      return search_each(searcher, in, queries, request, out);
    }
    if (request.query.empty()) request.query = "date:..";  // --from/--to alone: every dated document
    search_once(searcher, request, out);
    return 0;
  } catch (const vn::query::QueryError& e) {
    std::fprintf(stderr, "vnsearch: bad query: %s\n", e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vnsearch: %s\n", e.what());
  }
  return 2;
}
