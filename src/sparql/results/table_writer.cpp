// The terminal table: boxed, aligned columns sized by display width (so Cyrillic and CJK text
// line up), Turtle-style terms with prefixed names, and a row count at the end.
#include <algorithm>
#include <ostream>

#include "sparql/results/writer_base.hpp"

namespace kg::sparql::results_detail {

namespace {

struct Cell {
  std::string text;
  size_t width = 0;
};

void repeat(std::ostream& out, std::string_view piece, size_t count) {
  for (size_t i = 0; i < count; ++i)
    out << piece;
}

class TableWriter : public ResultHandler {
 public:
  TableWriter(std::ostream& out, const rdf::PrefixMap& prefixes) : out_(out), prefixes_(prefixes) {}

  void begin_solutions(const std::vector<std::string>& variables) override {
    std::vector<std::string> header;
    for (const std::string& variable : variables)
      header.push_back('?' + variable);
    set_header(header);
  }
  void solution(std::span<const rdf::NodeRef> row) override { add_row(row); }
  void end_solutions() override { finish(row_count_ == 1 ? "row" : "rows"); }

  void boolean(bool value) override { out_ << (value ? "true" : "false") << '\n'; }

  void triple(rdf::NodeRef subject, rdf::NodeRef predicate, rdf::NodeRef object) override {
    if (!header_set_) set_header({"subject", "predicate", "object"});
    rdf::NodeRef row[] = {subject, predicate, object};
    add_row(row);
  }
  void end_graph() override {
    if (!header_set_) set_header({"subject", "predicate", "object"});
    finish(row_count_ == 1 ? "triple" : "triples");
  }

 private:
  void set_header(const std::vector<std::string>& names) {
    header_set_ = true;
    header_.clear();
    for (const std::string& name : names)
      header_.push_back(Cell{name, display_width(name)});
    widths_.clear();
    for (const Cell& cell : header_)
      widths_.push_back(cell.width);
  }

  void add_row(std::span<const rdf::NodeRef> nodes) {
    ++row_count_;
    std::vector<Cell> row;
    for (size_t i = 0; i < header_.size(); ++i) {
      Cell cell;
      if (i < nodes.size() && nodes[i]) cell.text = turtle_term(nodes[i], &prefixes_);
      cell.width = display_width(cell.text);
      row.push_back(std::move(cell));
    }
    if (streaming_) {
      write_row(row);
      return;
    }
    for (size_t i = 0; i < row.size(); ++i)
      widths_[i] = std::max(widths_[i], row[i].width);
    buffered_.push_back(std::move(row));
    // Past the buffer, the widths found so far are kept; wider cells then stick out.
    if (buffered_.size() >= kTableBufferRows) flush_buffer();
  }

  void flush_buffer() {
    streaming_ = true;
    if (header_.empty()) return;
    write_rule("┌", "┬", "┐");
    write_row(header_);
    write_rule("├", "┼", "┤");
    for (const auto& row : buffered_)
      write_row(row);
    buffered_.clear();
  }

  void finish(std::string_view noun) {
    if (!streaming_) flush_buffer();
    if (!header_.empty()) write_rule("└", "┴", "┘");
    out_ << row_count_ << ' ' << noun << '\n';
    out_.flush();
  }

  void write_rule(std::string_view left, std::string_view middle, std::string_view right) {
    out_ << left;
    for (size_t i = 0; i < widths_.size(); ++i) {
      if (i) out_ << middle;
      repeat(out_, "─", widths_[i] + 2);
    }
    out_ << right << '\n';
  }

  void write_row(const std::vector<Cell>& row) {
    out_ << "│";
    for (size_t i = 0; i < row.size(); ++i) {
      out_ << ' ' << row[i].text;
      repeat(out_, " ", widths_[i] > row[i].width ? widths_[i] - row[i].width : 0);
      out_ << " │";
    }
    out_ << '\n';
  }

  std::ostream& out_;
  rdf::PrefixMap prefixes_;
  bool header_set_ = false;
  std::vector<Cell> header_;
  std::vector<size_t> widths_;
  std::vector<std::vector<Cell>> buffered_;
  bool streaming_ = false;
  size_t row_count_ = 0;
};

}  // namespace

std::unique_ptr<ResultHandler> make_table_writer(std::ostream& out,
                                                 const rdf::PrefixMap& prefixes) {
  return std::make_unique<TableWriter>(out, prefixes);
}

}  // namespace kg::sparql::results_detail
