// vnsearch: queries a vnarchive index. Argument handling only; the work is
// in common/.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>

#include "io/config.hpp"
#include "query/paged_search.hpp"
#include "query/searcher.hpp"
#include "search/format.hpp"
#include "search/show.hpp"
#include "version/version.hpp"

namespace {

struct Output {
  bool json = false;
  bool jsonl = false;  // one hit a line, every match unless limited
  bool paths = false;  // one path a line, every match unless limited
  bool explain = false;
  bool colour = false;
  bool terminal = false;        // standard output is a terminal
  bool limit_given = false;     // --limit was given (else --jsonl and --paths list every match)
  bool exports() const { return jsonl || paths; }
};

// Hits an export (--jsonl, --paths) reads per search.
constexpr size_t kExportBatch = 1000;

// Reports what a result says besides its hits, on standard error.
void report(const vn::query::SearchResult& result, const Output& out) {
  if (!result.restore_error.empty())
    std::fprintf(stderr, "vnsearch: searching without query restoration: %s\n", result.restore_error.c_str());
  if (out.explain) {
    std::fprintf(stderr, "restored: %s\n", result.restored_query.c_str());
    std::fprintf(stderr, "query: %s\n", result.xapian_query.c_str());
  }
}

// --jsonl, --paths: every match (or --limit of them), a page at a time,
// each printed as it comes.
void export_hits(vn::query::Searcher& searcher, vn::query::SearchRequest request, const Output& out) {
  const size_t limit = out.limit_given ? request.limit : std::numeric_limits<size_t>::max();
  request.read_records = !out.paths;  // a path needs no sidecar record
  request.approximate = false;        // a listing of the matches, to act on
  bool first = true;
  vn::query::search_pages(searcher, request, limit, kExportBatch, [&](const vn::query::SearchResult& page) {
    if (first) report(page, out);
    first = false;
    if (out.paths) vn::search::print_paths(stdout, page, out.terminal);
    else
      for (const vn::query::Hit& h : page.hits) std::fputs(vn::search::hit_json(request.query, h).c_str(), stdout);
  });
}

// Runs one query and prints its result. Errors propagate.
void search_once(vn::query::Searcher& searcher, const vn::query::SearchRequest& request, const Output& out) {
  if (out.exports()) return export_hits(searcher, request, out);
  const vn::query::SearchResult result = searcher.search(request);
  report(result, out);
  if (out.json) std::fputs(vn::search::to_json(request, result).c_str(), stdout);
  else vn::search::print_human(stdout, result, out.colour);
}

// --color: always, never, or auto: on a terminal, unless NO_COLOR is set
// (and not empty) or TERM is "dumb".
bool use_colour(const std::string& mode, bool terminal) {
  if (mode != "auto") return mode == "always";
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return terminal && !(no_colour && *no_colour) && !(term && std::string_view(term) == "dumb");
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
    if (!out.json && !out.exports()) std::printf("== %s\n", line.c_str());
    try {
      search_once(searcher, base, out);
    } catch (const vn::query::QueryError& e) {
      status = 2;
      std::fprintf(stderr, "vnsearch: %s line %zu: bad query: %s\n", source.c_str(), number, e.what());
      if (out.json || out.jsonl) std::fputs(vn::search::error_json(line, e.what()).c_str(), stdout);
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

// The indexes to search: every --db (an index or a stub file of shards),
// else $VNARCHIVE_DB, else `db` of the config files (io/config.hpp). Prints
// why not and returns none when nothing gives one.
std::vector<std::filesystem::path> index_args(const std::vector<std::string>& dbs) {
  if (!dbs.empty()) return {dbs.begin(), dbs.end()};
  try {
    std::filesystem::path dir = vn::io::find_index(vn::io::index_sources(""));
    if (!dir.empty()) return {dir};
    std::fprintf(stderr, "vnsearch: no index: give --db DIR, set VNARCHIVE_DB, or set db = DIR in "
                         "~/.config/vnarchive/config\n");
  } catch (const vn::io::ConfigError& e) {
    std::fprintf(stderr, "vnsearch: %s\n", e.what());
  }
  return {};
}

// --show MODE PATH_OR_CODE: the document's whole text.
void show_document(vn::query::Searcher& searcher, const std::string& code_or_path, vn::search::ShowMode mode,
                   const Output& out) {
  const vn::query::DocumentText text = searcher.document_text(code_or_path);
  if (out.json) std::fputs(vn::search::to_json(text).c_str(), stdout);
  else vn::search::print_text(stdout, text, mode, {out.colour, out.terminal});
}

// A usage error in the options' combination, or "" when there is none.
std::string misuse(const vn::query::SearchRequest& request, const std::string& doc, const std::string& queries,
                   const std::string& show, size_t show_words, bool facets, const Output& out) {
  if (!show.empty() && (show_words != 1 || !doc.empty() || !queries.empty()))
    return "--show MODE takes one PATH_OR_CODE, and no --doc or --queries";
  if ((!show.empty() || !doc.empty()) && out.exports()) return "--show and --doc print one document: not --jsonl or --paths";
  if (facets && out.exports()) return "--facet needs the human or --json output";
  if (show.empty() && doc.empty() && queries.empty() && request.query.empty() && request.from.empty() &&
      request.to.empty())
    return "give a query, --from/--to, --queries, --doc or --show (see --help)";
  if (!queries.empty() && (!request.query.empty() || !doc.empty()))
    return "--queries takes the queries from a file: give no query or --doc with it";
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vnsearch: search an index of Vietnamese documents, with or without diacritics"};
  std::vector<std::string> dbs;
  std::vector<std::string> words;
  vn::query::SearchRequest request;
  bool any = false;
  Output out;
  std::string queries;
  std::string colour = "auto";
  app.set_version_flag("--version", [] { return vn::version::version_text("vnsearch"); });
  app.add_option("--db", dbs,
                 "index directory made by vnindex, or a stub file of shards (auto PATH, remote HOST:PORT lines); "
                 "give several to search them as one (default: $VNARCHIVE_DB, else db = DIR in "
                 "${XDG_CONFIG_HOME:-~/.config}/vnarchive/config, else in /etc/vnarchive.conf)")
      ->allow_extra_args(false)  // --db A words: the words are the query
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("query", words,
                 "query: words, \"phrases\", +must, -mustnot, AND, OR, XOR, NOT, ( ), a NEAR b, a ADJ b, prefix*, "
                 "and filters type: code: issuer: year: cites: date:FROM..TO");
  std::string doc;
  app.add_option("--doc", doc, "show one document (by path or code): metadata, outline, what it cites, who cites it");
  std::string show;
  app.add_option("--show", show,
                 "print a document's text (give its path or code as the argument): restored, original (OCR), or both "
                 "line by line with uncertain restorations marked")
      ->check(CLI::IsMember({"restored", "original", "both"}));
  app.add_option("--from", request.from, "only documents dated on or after (YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)");
  app.add_option("--to", request.to, "only documents dated on or before (YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)");
  std::string sort = "relevance";
  app.add_option("--sort", sort, "relevance, date (newest first), date-asc (oldest first) or path")
      ->check(CLI::IsMember({"relevance", "date", "date-asc", "path"}));
  std::string facets;
  app.add_option("--facet", facets, "count matches by type, year and/or issuer (comma-separated)");
  const CLI::Option* limit = app.add_option("-n,--limit", request.limit, "hits to show (default 10; --jsonl, --paths: all)")
      ->check(CLI::Range(0, 100000))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--offset", request.offset, "hits to skip")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  CLI::Option* json = app.add_flag("--json", out.json, "print one JSON object (with --queries: one per line)");
  CLI::Option* jsonl = app.add_flag("--jsonl", out.jsonl, "print each hit as a line of JSON (every match unless --limit)");
  CLI::Option* paths = app.add_flag("--paths", out.paths, "print each hit's path on a line (every match unless --limit)");
  json->excludes(jsonl)->excludes(paths);
  jsonl->excludes(paths);
  app.add_option("--queries", queries, "run every line of this file as a query (- for standard input)");
  app.add_flag("--any", any, "match any word (default: all words)");
  app.add_flag("!--exact", request.approximate,
               "show no approximate matches (default: when the matches do not fill the page, documents where one "
               "word of a phrase or of the words differs follow them)");
  app.add_flag("--all-copies", request.all_copies, "list byte-identical documents each (default: one hit per content)");
  app.add_flag("--explain", out.explain, "print the restored query and the compiled Xapian query to stderr");
  app.add_flag("!--no-restore", request.restore_query, "do not restore the query words");
  std::string models;
  app.add_option("--models", models, "restoration model directory (default: the shipped models/)");
  app.add_option("--color,--colour", colour, "highlight matches: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  std::string excluded;
  std::vector<char*> args = split_excluded_words(app, argc, argv, excluded);
  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::fprintf(stderr, "vnsearch: %s (see --help)\n", e.what());
    return 2;  // every usage error, not CLI11's own codes
  }

  for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
  if (!excluded.empty()) request.query += (request.query.empty() ? "" : " ") + excluded;
  if (any) request.default_op = vn::query::DefaultOperator::kOr;
  request.sort = *vn::query::parse_sort_order(sort);
  for (size_t start = 0; start < facets.size();) {
    size_t end = facets.find(',', start);
    if (end == std::string::npos) end = facets.size();
    if (end > start) request.facets.push_back(facets.substr(start, end - start));
    start = end + 1;
  }
  if (const std::string e = misuse(request, doc, queries, show, words.size() + !excluded.empty(), !facets.empty(), out);
      !e.empty()) {
    std::fprintf(stderr, "vnsearch: %s\n", e.c_str());
    return 2;
  }
  out.limit_given = limit->count() > 0;
  out.terminal = ::isatty(STDOUT_FILENO);
  out.colour = use_colour(colour, out.terminal);
  const std::vector<std::filesystem::path> indexes = index_args(dbs);
  if (indexes.empty()) return 2;
  try {
    vn::query::Searcher searcher(vn::query::shard_addresses(indexes), models);
    if (!show.empty()) {
      show_document(searcher, request.query, *vn::search::parse_show_mode(show), out);
      return 0;
    }
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
