#include "rdf/check.h"

#include <gtest/gtest.h>

namespace hamlet::rdf {
namespace {

TEST(CheckIri, AcceptsAbsoluteIris) {
  for (const char* iri : {"http://example.org/a", "urn:isbn:123", "https://x.eu/é/ü?q=1#f",
                          "mailto:someone@example.org", "tag:a.b,2024:x"}) {
    EXPECT_TRUE(CheckAbsoluteIri(iri).ok()) << iri;
  }
}

TEST(CheckIri, RejectsSpaces) {
  Status s = CheckAbsoluteIri("http://example.org/a b");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "IRI 'http://example.org/a b' contains a space at offset 20");
}

TEST(CheckIri, RejectsMissingScheme) {
  Status s = CheckAbsoluteIri("example.org/a");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("has no scheme"), std::string::npos) << s.message();
  EXPECT_FALSE(CheckAbsoluteIri(":foo").ok());
  EXPECT_FALSE(CheckAbsoluteIri("1http://x").ok());
  EXPECT_FALSE(CheckAbsoluteIri("").ok());
}

TEST(CheckIri, RejectsForbiddenCharacters) {
  for (const char* iri : {"http://x/<", "http://x/{a}", "http://x/a|b", "http://x/\\",
                          "http://x/\"", "http://x/\x01", "http://x/^", "http://x/`"}) {
    EXPECT_FALSE(CheckAbsoluteIri(iri).ok()) << iri;
  }
}

TEST(CheckLang, AcceptsWellFormedTags) {
  for (const char* tag : {"en", "fr", "en-GB", "de-CH-1901", "zh-Hant-TW", "sr-Latn-RS", "es-419",
                          "x-private", "en-a-bbb-x-a-ccc", "i-klingon", "gsw", "EN-us"}) {
    EXPECT_TRUE(CheckLanguageTag(tag).ok()) << tag << ": " << CheckLanguageTag(tag).message();
  }
}

TEST(CheckLang, RejectsMalformedTags) {
  for (const char* tag :
       {"", "e", "en--GB", "en-", "-en", "en_GB", "1en", "en-a", "en-x", "abcdefghi"}) {
    EXPECT_FALSE(CheckLanguageTag(tag).ok()) << tag;
  }
  EXPECT_EQ(CheckLanguageTag("en_GB").message(),
            "language tag 'en_GB' is not well-formed BCP 47: subtag 'en_GB' has a character that "
            "is not a letter or digit");
}

}  // namespace
}  // namespace hamlet::rdf
