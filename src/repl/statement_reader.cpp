#include "repl/statement_reader.h"

#include "repl/dot_commands.h"

namespace hamlet::repl {

namespace {

std::string_view DotName(std::string_view line) {
  size_t start = line.find('.');
  size_t end = line.find_first_of(" \t\n", start);
  return line.substr(start, end == std::string_view::npos ? end : end - start);
}

std::string_view ExplainQuery(std::string_view buffer) {
  size_t start = buffer.find(".explain") + 8;
  return buffer.substr(start);
}

}  // namespace

StatementReader::StatementReader(LineSource* source,
                                 std::function<const io::PrefixList&()> prefixes)
    : source_(source), prefixes_(std::move(prefixes)) {}

bool StatementReader::ReadLine(bool continuation, std::string* line, LineSource::Outcome* outcome) {
  *outcome = LineSource::Outcome::kLine;
  if (held_) {
    *line = std::move(held_->first);
    number_ = held_->second;
    held_.reset();
    return true;
  }
  *outcome = source_->Read(continuation, line);
  if (*outcome != LineSource::Outcome::kLine) return false;
  ++number_;
  return true;
}

bool StatementReader::ExplainIncomplete() const {
  if (!IsDotCommand(buffer_) || DotName(buffer_) != ".explain") return false;
  std::string_view query = ExplainQuery(buffer_);
  return !IsBlank(query) && CheckStatement(query, prefixes_()).state == InputState::kIncomplete;
}

InputItem StatementReader::Finish(InputItem::Kind kind, StatementCheck check) {
  InputItem item;
  item.kind = kind;
  item.check = std::move(check);
  item.text = buffer_;
  while (!item.text.empty() && item.text.back() == '\n') item.text.pop_back();
  item.first_line = first_line_;
  item.skipped_lines = skipped_;
  skipped_ = 0;
  buffer_.clear();
  after_error_ = kind == InputItem::Kind::kSyntaxError;
  return item;
}

InputItem StatementReader::Next() {
  std::string line;
  LineSource::Outcome outcome;
  while (true) {
    const bool continuation = !buffer_.empty();
    // After an error, only lines that were already waiting (the rest of a script or of a
    // paste) may be skipped as the rest of the broken statement, never lines typed later.
    const bool waiting = after_error_ && buffer_.empty() && (held_ || source_->Pending());
    if (!ReadLine(continuation, &line, &outcome)) {
      if (outcome == LineSource::Outcome::kInterrupted) {
        buffer_.clear();
        after_error_ = false;
        return Finish(InputItem::Kind::kInterrupted, {});
      }
      if (IsBlank(buffer_)) return Finish(InputItem::Kind::kEnd, {});
      if (IsDotCommand(buffer_)) return Finish(InputItem::Kind::kDotCommand, {});
      StatementCheck check = CheckStatement(buffer_, prefixes_());
      if (check.state == InputState::kComplete) return Finish(InputItem::Kind::kStatement, check);
      return Finish(InputItem::Kind::kUnfinished, check);
    }
    if (buffer_.empty()) {
      if (IsBlank(line)) continue;
      if (waiting && !IsDotCommand(line)) {
        // Still the broken statement when the parser rejects the line at its first token.
        StatementCheck alone = CheckStatement(line, prefixes_());
        size_t lead = line.find_first_not_of(" \t");
        if (alone.state == InputState::kError && alone.error->offset <= lead) {
          ++skipped_;
          continue;
        }
      }
      after_error_ = false;
      first_line_ = number_;
    }
    buffer_ += line;
    buffer_ += '\n';
    if (IsDotCommand(buffer_)) {
      if (ExplainIncomplete()) continue;
      return Finish(InputItem::Kind::kDotCommand, {});
    }
    StatementCheck check = CheckStatement(buffer_, prefixes_());
    if (check.state == InputState::kEmpty) {
      buffer_.clear();
      continue;
    }
    if (check.state == InputState::kIncomplete) continue;
    // Complete or an error: a waiting line may continue the statement.
    bool grown = false;
    while (!check.terminated && source_->Pending()) {
      std::string ahead;
      if (!ReadLine(true, &ahead, &outcome)) {
        if (outcome == LineSource::Outcome::kInterrupted) {
          buffer_.clear();
          return Finish(InputItem::Kind::kInterrupted, {});
        }
        break;
      }
      bool continues = false;
      StatementCheck longer;
      if (!IsBlank(ahead) && !IsDotCommand(ahead)) {
        longer = CheckStatement(buffer_ + ahead + "\n", prefixes_());
        if (check.state == InputState::kComplete) {
          continues =
              !(longer.state == InputState::kError && longer.error->offset >= buffer_.size());
        } else {
          continues =
              !(longer.state == InputState::kError && longer.error->offset == check.error->offset);
        }
      }
      if (!continues) {
        held_.emplace(std::move(ahead), number_);
        --number_;  // counted again when the held line is taken
        break;
      }
      buffer_ += ahead;
      buffer_ += '\n';
      check = std::move(longer);
      if (check.state == InputState::kIncomplete) {
        grown = true;
        break;
      }
    }
    if (grown) continue;
    if (check.state == InputState::kComplete) return Finish(InputItem::Kind::kStatement, check);
    return Finish(InputItem::Kind::kSyntaxError, check);
  }
}

}  // namespace hamlet::repl
