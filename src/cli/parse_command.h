// `hamlet parse FILE [--update]`: prints the SPARQL algebra of a query or an update.
#pragma once

#include <ostream>
#include <string>

namespace hamlet::cli {

// Reads a query (.rq) or an update (.ru, or force_update) from path_or_dash ("-" = stdin;
// stdin is a query unless force_update), prints its algebra S-expression to `out` and returns
// 0; on a syntax error prints "FILE:LINE:COLUMN: message", the line and a caret to `err` and
// returns 1 (also 1 when the file cannot be read).
int RunParse(const std::string& path_or_dash, bool force_update, std::ostream& out,
             std::ostream& err);

}  // namespace hamlet::cli
