import { ApiProperty } from '@nestjs/swagger';

export class PolicyChoiceResponse {
  @ApiProperty({ description: 'the value the API takes' }) value: string;
  @ApiProperty({ description: 'a short label' }) label: string;
  @ApiProperty({ description: 'where it is in the policy', example: '§7.5' }) clause: string;
  @ApiProperty({ description: 'the policy’s own words, quoted verbatim' }) words: string;
}

/** GET /policy: the policy's own words beside every choice (web.md "Who sees what"). */
export class PolicyResponse {
  @ApiProperty({ example: 'Werrington Primary School Social Media Policy' }) title: string;
  @ApiProperty({ type: [PolicyChoiceResponse], description: '§2 platforms' }) platforms: PolicyChoiceResponse[];
  @ApiProperty({ type: [PolicyChoiceResponse], description: 'Appendix A categories of misuse' }) categories: PolicyChoiceResponse[];
  @ApiProperty({ type: [PolicyChoiceResponse], description: '§7 standards 1–8 and §8' }) standards: PolicyChoiceResponse[];
  @ApiProperty({ type: [PolicyChoiceResponse], description: '§9 valid reasons for monitoring' }) monitoringReasons: PolicyChoiceResponse[];
  @ApiProperty({ type: [PolicyChoiceResponse], description: '§9 school systems, §11 personal social media' }) monitoringScopes: PolicyChoiceResponse[];
  @ApiProperty({ type: [PolicyChoiceResponse], description: '§6, §12 sanctions' }) sanctions: PolicyChoiceResponse[];
  @ApiProperty({ type: [PolicyChoiceResponse], description: 'triage decisions (§4–§6): no further action, informal resolution, investigation' })
  triageDecisions: PolicyChoiceResponse[];
  @ApiProperty({
    type: [PolicyChoiceResponse],
    description: 'KCSIE Part 4: the outcome categories of a finding on a safeguarding allegation, with their definitions (quoted from KCSIE, not the policy)',
  })
  kcsieFindings: PolicyChoiceResponse[];
}
