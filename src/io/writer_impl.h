// Private to io: the QuadWriter implementations behind QuadWriter::Create, and the pieces of
// output code they share.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "io/writer.h"

namespace hamlet::io::internal {

std::unique_ptr<QuadWriter> NewJsonLdWriter(FILE* out, const PrefixList& prefixes);
std::unique_ptr<QuadWriter> NewRdfXmlWriter(FILE* out, const PrefixList& prefixes);

// Writes `text` to `out`; IoError when the output fails.
Status WriteAll(FILE* out, std::string_view text);
// Flushes `out`; IoError when it or any earlier write failed.
Status FlushOutput(FILE* out);

}  // namespace hamlet::io::internal
