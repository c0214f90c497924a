using Tasks.GraphQL.TypeSystem;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>
/// The example schema of the specification's Validation section (§5), with the types its later
/// examples use (Arguments, ComplexInput, the subscription and mutation roots, the draft's @oneOf
/// PetInput and the Node/Resource interfaces), plus a repeatable directive.
/// </summary>
internal static class SpecExampleSchema
{
    public const string Sdl = """
        type Query {
          dog: Dog
          findDog(searchBy: FindDogInput, complex: ComplexInput): Dog
          arguments: Arguments
          booleanList(booleanListArg: [Boolean!]): Boolean
          human: Human
          pet: Pet
          catOrDog: CatOrDog
          dogOrHuman: DogOrHuman
          humanOrAlien: HumanOrAlien
          node: Node
        }

        type Mutation {
          mutateDog: DogMutationResult
          addPet(pet: PetInput!): Pet
          addPets(pets: [PetInput!]!): [Pet]
        }

        type Subscription {
          newMessage: Message
          disallowedSecondRootField: Boolean
        }

        type Message {
          body: String
          sender: String
        }

        type DogMutationResult {
          id: ID
        }

        enum DogCommand {
          SIT
          DOWN
          HEEL
        }

        type Dog implements Pet {
          name: String!
          nickname: String
          barkVolume: Int
          doesKnowCommand(dogCommand: DogCommand!): Boolean!
          isHouseTrained(atOtherHomes: Boolean): Boolean!
          owner: Human
        }

        interface Sentient {
          name: String!
        }

        interface Pet {
          name: String!
        }

        type Alien implements Sentient {
          name: String!
          homePlanet: String
        }

        type Human implements Sentient {
          name: String!
          pets: [Pet!]
        }

        enum CatCommand {
          JUMP
        }

        type Cat implements Pet {
          name: String!
          nickname: String
          doesKnowCommand(catCommand: CatCommand!): Boolean!
          meowVolume: Int
        }

        union CatOrDog = Cat | Dog
        union DogOrHuman = Dog | Human
        union HumanOrAlien = Human | Alien

        input FindDogInput {
          name: String
          owner: String
        }

        input ComplexInput {
          name: String
          owner: String
        }

        type Arguments {
          multipleRequirements(x: Int!, y: Int!): Int!
          booleanArgField(booleanArg: Boolean): Boolean
          floatArgField(floatArg: Float): Float
          intArgField(intArg: Int): Int
          nonNullBooleanArgField(nonNullBooleanArg: Boolean!): Boolean!
          booleanListArgField(booleanListArg: [Boolean]!): [Boolean]
          nonNullBooleanListField(nonNullBooleanListArg: [Boolean]!): [Boolean]
          optionalNonNullBooleanArgField(optionalBooleanArg: Boolean! = false): Boolean!
        }

        input CatInput {
          name: String!
          nickname: String
          meowVolume: Int
        }

        input DogInput {
          name: String!
          nickname: String
          barkVolume: Int
        }

        input PetInput @oneOf {
          cat: CatInput
          dog: DogInput
        }

        interface Node {
          id: ID!
        }

        interface Resource implements Node {
          id: ID!
          url: String
        }

        type Website implements Resource & Node {
          id: ID!
          url: String
        }

        directive @tag(name: String!) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        """;

    public static Schema Schema { get; } = SchemaBuilder.FromSdl(Sdl).Build();
}
