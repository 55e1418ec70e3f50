#include "sparql/engine/result_output.h"

namespace hamlet::sparql {

Status WriteSolutions(PreparedQuery& query, results::ResultWriter* writer, uint64_t* rows) {
  uint64_t n = 0;
  if (query.form() == PreparedQuery::Form::kAsk) {
    auto b = query.Ask();
    if (!b.ok()) return b.status();
    if (rows != nullptr) *rows = *b ? 1 : 0;
    return writer->WriteBoolean(*b);
  }
  HAMLET_RETURN_IF_ERROR(writer->Start(query.variables()));
  SolutionBatch batch;
  std::vector<std::optional<rdf::Term>> row;
  while (query.NextSolutions(&batch)) {
    for (size_t i = 0; i < batch.rows(); ++i) {
      HAMLET_RETURN_IF_ERROR(query.DecodeRow(batch, i, &row));
      HAMLET_RETURN_IF_ERROR(writer->Row(row));
      ++n;
    }
  }
  if (rows != nullptr) *rows = n;
  HAMLET_RETURN_IF_ERROR(query.status());
  return writer->Finish();
}

Status WriteTriples(PreparedQuery& query, io::QuadWriter* writer, uint64_t* triples) {
  uint64_t n = 0;
  std::vector<rdf::Quad> batch;
  while (query.NextTriples(&batch)) {
    for (const auto& q : batch) {
      HAMLET_RETURN_IF_ERROR(writer->Write(
          rdf::QuadView{q.subject.view(), q.predicate.view(), q.object.view(), q.graph.view()}));
      ++n;
    }
  }
  if (triples != nullptr) *triples = n;
  HAMLET_RETURN_IF_ERROR(query.status());
  return writer->Finish();
}

}  // namespace hamlet::sparql
