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

// InvalidInput naming the term when a term of `q` is not well-formed UTF-8 (rdf/utf8.h).
// The readers refuse such text, but a store written by an older Hamlet may hold it, and
// copying it into the output would make a file no reader accepts.
Status CheckUtf8(const rdf::QuadView& q);

// Writes `text` to `out`; IoError when the output fails.
Status WriteAll(FILE* out, std::string_view text);
// Flushes `out`; IoError when it or any earlier write failed.
Status FlushOutput(FILE* out);

}  // namespace hamlet::io::internal
