#include "rdf/iri.h"

#include <gtest/gtest.h>

namespace hamlet::rdf {
namespace {

TEST(Iri, Rfc3986Examples) {
  const std::string base = "http://a/b/c/d;p?q";
  EXPECT_EQ(ResolveIri(base, "g"), "http://a/b/c/g");
  EXPECT_EQ(ResolveIri(base, "./g"), "http://a/b/c/g");
  EXPECT_EQ(ResolveIri(base, "g/"), "http://a/b/c/g/");
  EXPECT_EQ(ResolveIri(base, "/g"), "http://a/g");
  EXPECT_EQ(ResolveIri(base, "//g"), "http://g");
  EXPECT_EQ(ResolveIri(base, "?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(ResolveIri(base, "#s"), "http://a/b/c/d;p?q#s");
  EXPECT_EQ(ResolveIri(base, ""), "http://a/b/c/d;p?q");
  EXPECT_EQ(ResolveIri(base, "../.."), "http://a/");
  EXPECT_EQ(ResolveIri(base, "../../../g"), "http://a/g");
  EXPECT_EQ(ResolveIri(base, "g;x=1/../y"), "http://a/b/c/y");
}

TEST(Iri, HasScheme) {
  EXPECT_TRUE(HasScheme("urn:x"));
  EXPECT_TRUE(HasScheme("http://a"));
  EXPECT_FALSE(HasScheme("a/b:c"));
  EXPECT_FALSE(HasScheme("#frag"));
}

}  // namespace
}  // namespace hamlet::rdf
